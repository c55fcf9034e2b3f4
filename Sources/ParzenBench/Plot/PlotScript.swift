/// One file a picture consists of (its script or a data file), written into plots/NAME.
public struct PlotFile: Sendable, Equatable {
    /// The file name inside the plots folder.
    public let name: String
    public let contents: String
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

extension PlotScript {
    /// The picture STEM.png drawn by the script STEM.gp (`script`, one line each) from the data
    /// file STEM.dat (`data`, one line each), then the data files `more`.
    init(stem: String, width: Int, height: Int, script: [String], data: [String], more: [PlotFile] = [], collected: [String] = []) {
        self.init(stem: stem, width: width, height: height, files: [
            PlotFile(name: stem + ".gp", contents: script.joined(separator: "\n") + "\n"),
            PlotFile(name: stem + ".dat", contents: data.joined(separator: "\n") + "\n"),
        ] + more, collected: collected)
    }
}
