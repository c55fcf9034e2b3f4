import Foundation
import GSLKit
import Parzen

/// Helpers shared by the test targets.
public enum TestSupport {
    /// The Kolmogorov–Smirnov statistic sup |F_n(x) − F(x)| of `sample` against `cdf`.
    public static func kolmogorovSmirnov(_ sample: [Double], cdf: (Double) -> Double) -> Double {
        let sorted = Statistics.sorted(sample)
        let n = Double(sorted.count)
        var d = 0.0
        for (i, x) in sorted.enumerated() {
            let f = cdf(x)
            d = max(d, abs(Double(i + 1) / n - f), abs(f - Double(i) / n))
        }
        return d
    }

    /// The KS critical value at α = 0.001 for n draws (asymptotic, 1.949/√n).
    public static func ksCritical(_ n: Int) -> Double { 1.949 / Double(n).squareRoot() }

    /// Counts of each distinct value, in ascending order of value.
    public static func frequencies(_ values: [Double]) -> [(value: Double, count: Int)] {
        var counts: [Double: Int] = [:]
        for v in values { counts[v, default: 0] += 1 }
        return counts.keys.sorted().map { ($0, counts[$0]!) }
    }

    /// True when `count` of `n` trials is within 5 binomial standard deviations of probability `p`.
    public static func plausible(_ count: Int, of n: Int, probability p: Double) -> Bool {
        let mean = Double(n) * p
        return abs(Double(count) - mean) <= 5 * (Double(n) * p * (1 - p)).squareRoot() + 1e-9
    }

    /// The path of a built product (e.g. the `parzen` executable) next to the test bundle.
    public static func productPath(_ name: String) -> URL {
        var directory = Bundle.main.bundleURL
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            directory = bundle.bundleURL.deletingLastPathComponent()
        }
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        return directory.appendingPathComponent(name)
    }

    /// Runs a program to completion and returns its exit status, stdout and stderr.
    public static func run(_ executable: URL, _ arguments: [String], currentDirectory: URL? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}
