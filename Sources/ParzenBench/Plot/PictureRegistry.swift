/// The pictures of plots/NAME, in the order the plotter writes them.
public enum PictureRegistry {
    /// Every picture, in plotting order. Adding one is one line here (and its type).
    public static let pictures: [any Picture.Type] = [
        ConvergencePlot.self,
        FinalDistributionPlot.self,
        ECDFPlot.self,
        CriticalDifferencePlot.self,
        SamplesPlot.self,
        CostPlot.self,
        CostGrowthPlot.self,
    ]
}
