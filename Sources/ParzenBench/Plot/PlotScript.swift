/// One file a picture consists of (its script or a data file), written into plots/NAME.
public struct PlotFile: Sendable, Equatable {
    /// The file name inside the plots folder.
    public let name: String
    public let contents: String

    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}

/// One picture: its script stem (`stem.gp` renders `stem.png`) and the files it needs.
public struct PlotScript: Sendable, Equatable {
    public let stem: String
    /// PNG size in pixels, as the script's terminal line states.
    public let width: Int
    public let height: Int
    /// The script first, then its data files.
    public let files: [PlotFile]
    /// Data files the script reads that collect wrote into the plots folder (a samples picture's
    /// PROBLEM-grid.dat, ``SampleGrid``); the plotter does not write them.
    public var collected: [String] = []

    public var scriptName: String { stem + ".gp" }
    public var imageName: String { stem + ".png" }
}
