import Foundation
import ParzenTestSupport
import Testing

/// `parzen evaluate`, run as a user would, with points on standard input.
@Suite struct EvaluateCommandTests {
    let parzen = TestSupport.productPath("parzen")

    func evaluate(_ arguments: [String], input: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-evaluate-\(UUID().uuidString)")
        try input.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = parzen
        process.arguments = ["evaluate"] + arguments
        process.standardInput = try FileHandle(forReadingFrom: file)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    @Test func printsShortestRoundTripValuesOnePerLine() throws {
        // COCO's f1, instance 1, D = 2: f(0) = 80.88209408, f(1) = 84.690094080000009 (cocoex 2.8.2).
        let output = try evaluate(["bbob-f1", "--dims", "2"], input: "0 0\n1,1\n1, 1\n")
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout == "80.88209408\n84.69009408000001\n84.69009408000001\n")
        let branin = try evaluate(["branin"], input: "3.141592653589793\t2.275\n")
        #expect(Double(branin.stdout.dropLast())! - 0.397887 < 1e-6)
        let instance = try evaluate(["bbob-f15", "--dims", "3", "--instance", "2"], input: "0,0,0\n")
        #expect(instance.status == 0)
        #expect(instance.stdout == "\(199.70694674010329)\n")
    }

    @Test func aMalformedLineIsAnErrorNamingIt() throws {
        let output = try evaluate(["bbob-f1", "--dims", "2"], input: "0 0\n1 x\n2 2\n")
        #expect(output.status == 2)
        #expect(output.stdout == "80.88209408\n")
        #expect(output.stderr.contains("line 2: 'x' is not a number"))
        let short = try evaluate(["bbob-f1", "--dims", "3"], input: "0 0\n")
        #expect(short.status == 2 && short.stderr.contains("line 1: expected 3 numbers"))
    }

    @Test func badFunctionsDimensionsAndInstancesSayWhatIsAccepted() throws {
        let cases: [([String], String)] = [
            (["bbob-f25"], "bbob-f1 … bbob-f24"),
            (["bbob-f3", "--dims", "4"], "2, 3, 5, 10, 20 or 40"),
            (["bbob-f3", "--instance", "0"], "instance number >= 1"),
            (["branin", "--instance", "2"], "only bbob-f1 … bbob-f24 take an instance"),
        ]
        for (arguments, expected) in cases {
            let output = try evaluate(arguments, input: "")
            #expect(output.status == 2)
            #expect(output.stderr.contains(expected), "\(arguments): \(output.stderr)")
            #expect(output.stderr.split(separator: "\n").count == 1)
        }
    }
}
