/// One kind of picture in plots/NAME: the gnuplot scripts it draws for a result set, each with
/// its data files (``PlotScript``: the ones the plotter writes, and the ones collect wrote).
///
/// A new picture is one type conforming to this protocol (a file in `Plot/`) and one line in
/// ``PictureRegistry/pictures``; `PictureGoldenTests` then asks for its golden file. Its stem
/// goes in ``PlotCatalog`` when report.md links to it.
public protocol Picture: SendableMetatype {
    /// The scripts of `results`, in plotting order: none when the results lack what the picture
    /// draws, one per problem for a per-problem picture.
    ///
    /// - Parameter source: the results folder named in the scripts' comments (`results/NAME`).
    /// - Determinism: a pure function of `results` and `source`.
    static func scripts(_ results: ResultsSummary, source: String) -> [PlotScript]
}
