import Foundation

/// Writes the gnuplot scripts and data files of a result set into plots/NAME and renders them
/// to PNG when gnuplot is installed.
public enum Plotter {
    /// What a plot run did.
    public struct Outcome: Sendable {
        /// The scripts written, in order.
        public let scripts: [PlotScript]
        /// True when the PNGs were rendered (gnuplot found).
        public let rendered: Bool
        /// gnuplot's warnings, prefixed with the script name.
        public let warnings: [String]
    }

    /// Every script of `results`: those of each picture of ``PictureRegistry/pictures``, in
    /// order (convergence per problem, final, ecdf, ranks with two or more suggesters, samples
    /// per problem of sample-axes.csv, cost with cost.csv, cost growth with cost-growth.csv).
    /// `source` names the results folder in the scripts' comments (keep it relative, e.g.
    /// `results/NAME`, so scripts do not depend on where they were made).
    public static func scripts(_ results: ResultsSummary, source: String) -> [PlotScript] {
        PictureRegistry.pictures.flatMap { $0.scripts(results, source: source) }
    }

    /// Reads `resultsFolder` and writes the gnuplot scripts and data into `plotsFolder`
    /// (plots/NAME by default), rendering PNGs with `renderer` when given.
    public static func plot(resultsFolder: URL, plotsFolder: URL? = nil, renderer: GnuplotRenderer?) throws -> Plotter.Outcome {
        try plot(try ResultsReader.summarise(resultsFolder, finalCells: false), resultsFolder: resultsFolder, plotsFolder: plotsFolder, renderer: renderer)
    }

    /// Writes the gnuplot scripts and data of `results` (read from `resultsFolder`) into
    /// `plotsFolder` (plots/NAME by default), rendering PNGs with `renderer` when given. The
    /// grids collect wrote into plots/NAME are copied into another `plotsFolder`.
    public static func plot(_ results: ResultsSummary, resultsFolder: URL, plotsFolder: URL? = nil, renderer: GnuplotRenderer?) throws -> Plotter.Outcome {
        let collected = SampleGrid.defaultPlotsFolder(for: resultsFolder)
        return try write(results, to: plotsFolder ?? collected, source: "results/\(resultsFolder.standardizedFileURL.lastPathComponent)",
                                 collected: collected, renderer: renderer)
    }

    /// Writes every script and data file into `folder` (created if needed), then renders each
    /// script with `renderer` unless it is nil.
    ///
    /// - Parameter collected: the folder holding the data files collect wrote (``PlotScript/collected``,
    ///   plots/NAME beside the results); each is copied into `folder` when `folder` is another one.
    /// - Throws: ``AnalysisError`` naming a collected file that is missing, a file-system error,
    ///   or ``GnuplotRenderer/Failure`` naming the script that failed.
    public static func write(_ results: ResultsSummary, to folder: URL, source: String, collected: URL? = nil,
                             renderer: GnuplotRenderer?) throws -> Outcome {
        let store = ResultStore(root: folder)
        let scripts = self.scripts(results, source: source)
        for script in scripts {
            for file in script.files { try store.writeAtomically(file.contents, to: folder.appendingPathComponent(file.name)) }
            for name in script.collected { try ensureCollected(name, in: folder, from: collected ?? folder) }
        }
        removeStale(in: folder, keeping: scripts)
        var warnings: [String] = []
        if let renderer {
            // One gnuplot per core at a time; results are gathered in script order, so the
            // warnings (and the first failure reported) do not depend on scheduling.
            let names = scripts.map(\.scriptName)
            let outcomes = Locked([Result<String, any Error>?](repeating: nil, count: names.count))
            DispatchQueue.concurrentPerform(iterations: names.count) { index in
                let result = Result { try renderer.render(script: names[index], in: folder) }
                if case .failure = result {
                    // gnuplot stopped part-way (failed, timed out, interrupted): its picture may
                    // be half-drawn, and must not pass for a complete one.
                    _ = unlink(folder.appendingPathComponent(scripts[index].imageName).path)
                }
                outcomes.withLock { $0[index] = result }
            }
            for (name, outcome) in zip(names, outcomes.withLock { $0 }) {
                let output = try outcome!.get()
                if !output.isEmpty { warnings.append("\(name): \(output)") }
            }
        }
        return Outcome(scripts: scripts, rendered: renderer != nil, warnings: warnings)
    }

    /// Puts the collected data file `name` into `folder`: copied from `source` when that is
    /// another folder holding it, else the one `folder` holds.
    ///
    /// - Throws: ``AnalysisError`` naming the file when neither folder has it.
    static func ensureCollected(_ name: String, in folder: URL, from source: URL) throws {
        let target = folder.appendingPathComponent(name), origin = source.appendingPathComponent(name)
        if origin.standardizedFileURL.path != target.standardizedFileURL.path, let data = FileManager.default.contents(atPath: origin.path) {
            try ResultStore(root: folder).writeAtomically(Array(data), to: target)
        } else if !FileManager.default.fileExists(atPath: target.path) {
            throw AnalysisError(file: origin.path, message: "missing: `parzen collect` writes the function grid of each sample picture")
        }
    }

    /// Removes the pictures of an earlier plot run that this one no longer draws (a problem
    /// taken out of the manifest): every script in `folder` written by `parzen plot` (its second
    /// line says so) that is not among `scripts`, with its PNG, its data file and, for a samples
    /// picture, its function grid. Files that `parzen plot` did not write are left alone.
    static func removeStale(in folder: URL, keeping scripts: [PlotScript]) {
        let current = Set(scripts.flatMap { script in script.files.map(\.name) + script.collected + [script.imageName] })
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names.sorted() where name.hasSuffix(".gp") && !current.contains(name) {
            let url = folder.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path),
                  String(decoding: data.prefix(4096), as: UTF8.self).split(separator: "\n").dropFirst().first?
                      .hasPrefix("# Written by `parzen plot`") == true else { continue }
            let stem = String(name.dropLast(3))
            var stale = [name, stem + ".png", stem + ".dat"]
            if stem.hasSuffix("-samples") { stale.append(String(stem.dropLast("-samples".count)) + "-grid.dat") }
            for file in stale where !current.contains(file) { _ = unlink(folder.appendingPathComponent(file).path) }
        }
    }
}
