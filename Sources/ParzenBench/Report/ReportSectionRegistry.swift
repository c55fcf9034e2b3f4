/// The sections of report.md, in the order report.md has them.
enum ReportSectionRegistry {
    /// Every section, in report order. Adding one is one line here (and its type).
    static let sections: [any ReportSection.Type] = [
        FailedCellsSection.self,
        ShortRunsSection.self,
        FinalRegretSection.self,
        AverageRanksSection.self,
        ConvergenceSection.self,
        FinalDistributionsSection.self,
        RuntimeECDFSection.self,
        ExpectedRunningTimeSection.self,
        SamplesSection.self,
        ExtrasSection.self,
        CostSection.self,
        FilesSection.self,
    ]
}
