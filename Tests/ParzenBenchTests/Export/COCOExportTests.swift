import Foundation
import Parzen
import Testing
@testable import ParzenBench

/// `parzen export coco`: COCO's logger rules, the folder layout, the skipping note and the
/// refusal of a run without bbob problems. (Byte equality with cocoex's own observer is checked
/// by benchmarks/coco_export_check.py, run by CI.)
@Suite struct COCOExportTests {
    func runAndCollect(_ yaml: String) throws -> URL {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-coco-\(UUID().uuidString)")
        let manifest = try Manifest(yaml: yaml, source: "e.yaml")
        let store = ResultStore(manifestName: manifest.name, base: base)
        _ = try Runner(manifest: manifest, store: store, options: Runner.Options(jobs: 1)).run(cancellation: Cancellation())
        try Collector(manifest: manifest, store: store).collect()
        return store.root
    }

    @Test func tdatEvaluationsFollowCOCOsTriggers() {
        // The counts cocoex's observer writes for D = 2 (first 400 evaluations).
        var logger = COCOLogger(optimum: 0, dimension: 2)
        for n in 1...400 { logger.observe([0, 0], Double(1000 - n)) }
        let counts = logger.tdat.dropFirst().map { Int($0.split(separator: " ")[0])! }
        #expect(counts == [1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 25, 28, 31, 35, 39, 40, 44, 50, 56, 63,
                           70, 79, 89, 100, 112, 125, 141, 158, 177, 199, 200, 223, 251, 281, 316, 354, 398, 400])
    }

    @Test func datLinesAtTargetCrossingsAndAFinalLine() {
        var logger = COCOLogger(optimum: 10, dimension: 2)
        // Δf: 100 (first line), 99 (a line: the first evaluation leaves the targets unset),
        // 98.5 (same 1/20-decade bin: no line), 50 (line), 60 (worse), 0 (line), 0 again (no
        // line; the run's final line).
        for y in [110.0, 109, 108.5, 60, 70, 10, 10] { logger.observe([1, -1], y) }
        logger.finish()
        #expect(logger.dat.first == COCOLogger.header(10))
        #expect(logger.dat.dropFirst().map { $0.split(separator: " ")[0] } == ["1", "2", "4", "6", "7"])
        #expect(logger.dat[1] == "1 0 +1.000000000e+02 +1.100000000e+02 +1.100000000e+02 +1.0000e+00 -1.0000e+00")
        #expect(logger.dat.last == "7 0 +0.000000000e+00 +1.000000000e+01 +1.000000000e+01 +1.0000e+00 -1.0000e+00")
        #expect(logger.infoItem == "7|0.0e+00")
    }

    @Test func writesOneFolderPerSuggesterAndSkipsOtherProblems() throws {
        let results = try runAndCollect("""
            name: e
            repeats: 2
            budget: 30
            problems:
              - {function: bbob-f3, dims: 2, instance: replicate, budget: 20}
              - {function: bbob-f3, dims: 5, instance: 7}
              - branin
            suggesters: [random, {label: tpe-a, algorithm: tpe}]
            """)
        let out = results.deletingLastPathComponent().appendingPathComponent("coco")
        let report = try COCOExport.export(results: results, to: out)
        #expect(report.skipped == ["branin"])
        #expect(report.runs == 8)
        #expect(report.folders.map(\.lastPathComponent) == ["random", "tpe-a"])
        let info = try String(contentsOf: out.appendingPathComponent("tpe-a/bbobexp_f3.info"), encoding: .utf8)
        let lines = info.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 6 && !info.hasSuffix("\n"))
        #expect(lines[0] == "suite = 'bbob', funcId = 3, DIM = 2, Precision = 1.000e-08, algId = 'tpe-a', coco_version = '2.8.2', logger = 'bbob', data_format = 'bbob-new2', settings = ''")
        #expect(lines[2].hasPrefix("data_f3/bbobexp_f3_DIM2.dat, 1:20|") && lines[2].contains(", 2:20|"))
        #expect(lines[5].hasPrefix("data_f3/bbobexp_f3_DIM5.dat, 7:30|") && lines[5].contains(", 7:30|"))
        let dat = try String(contentsOf: out.appendingPathComponent("random/data_f3/bbobexp_f3_DIM2.dat"), encoding: .utf8)
        let f1 = try BBOBFunction(number: 3, dimension: 2, instance: 1), f2 = try BBOBFunction(number: 3, dimension: 2, instance: 2)
        #expect(dat.components(separatedBy: COCOLogger.header(f1.optimumValue)).count == 2)
        #expect(dat.components(separatedBy: COCOLogger.header(f2.optimumValue)).count == 2)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("random/data_f3/bbobexp_f3_DIM5.tdat").path))
    }

    @Test func aRunWithoutBBOBProblemsIsRefusedInOneLine() throws {
        let results = try runAndCollect("""
            name: n
            repeats: 1
            budget: 5
            problems: [branin]
            suggesters: [random]
            """)
        do {
            _ = try COCOExport.export(results: results, to: results.appendingPathComponent("coco"))
            Issue.record("exported a run without bbob problems")
        } catch {
            #expect(error.message.contains("no bbob problem in this run") && error.message.contains("bbob-f1 … bbob-f24"))
            #expect(!"\(error)".contains("\n"))
        }
    }
}
