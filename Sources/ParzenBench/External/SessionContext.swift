import Foundation

/// What a cell tells its objective session besides the problem stream: where the cell may keep
/// files, how to notice that the run is being interrupted, its replicate number, and where
/// reusable workers wait.
public struct SessionContext {
    /// The cell's work folder, results/NAME/work/PROBLEM/SUGGESTER/rNNN (nil: none; an external
    /// objective then uses a temporary folder it removes at the end).
    public var workDirectory: URL?
    /// True once the run is being interrupted; a session polls it while a program runs and stops
    /// the program early.
    public var isCancelled: () -> Bool
    /// The cell's replicate number (a problem whose instance follows the replicate reads it).
    public var replicate: Int
    /// Where worker processes that declare `"reuse"` wait between cells (nil: one per cell).
    public var programs: ProgramPool?

    public init(workDirectory: URL? = nil, isCancelled: @escaping () -> Bool = { false }, replicate: Int = 0, programs: ProgramPool? = nil) {
        self.workDirectory = workDirectory
        self.isCancelled = isCancelled
        self.replicate = replicate
        self.programs = programs
    }
}

extension ResultStore {
    /// The cell's work folder, results/NAME/work/PROBLEM/SUGGESTER/rNNN: external objectives
    /// write their per-trial files there (git-ignored, not part of the results).
    public func workURL(_ cell: Cell) -> URL {
        // A directory hint, not `appendingPathComponent(_:)`, which stats every component.
        root.appending(path: "work/\(cell.problem.label)/\(cell.suggester.label)/\(cell.replicateName)", directoryHint: .isDirectory)
    }
}
