import Foundation
import GSLKit
import Testing
@testable import Parzen

/// Known answers from the cmaes package 0.13.1 (benchmarks/cmaes_known_answers.py writes
/// benchmarks/cmaes_known_answers.json): strategy constants, and whole generation updates of
/// CMA, CMA with lr_adapt, SepCMA and CMAwM from fixed solutions.
@Suite struct CMAESKnownAnswerTests {
    static var fixture: [String: Any] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("benchmarks/cmaes_known_answers.json")
        // JSONDecoder parses numbers exactly (JSONSerialization may be an ulp off on Linux).
        let value = try! JSONDecoder().decode(Value.self, from: try! Data(contentsOf: url))
        return plain(value) as! [String: Any]
    }

    static func plain(_ value: Value) -> Any {
        switch value {
        case .int(let i): return NSNumber(value: i)
        case .double(let d): return NSNumber(value: d)
        case .bool(let b): return b
        case .string(let s): return s
        case .list(let items): return items.map(plain)
        case .record(let record):
            var out: [String: Any] = [:]
            for (key, item) in record { out[key] = plain(item) }
            return out
        case .null: return NSNull()
        }
    }

    static func close(_ a: Double, _ b: Double, relative: Double) -> Bool {
        a == b || abs(a - b) <= relative * max(abs(a), abs(b), 1e-300)
    }

    static func numbers(_ any: Any?) -> [Double] {
        if let list = any as? [Any] { return list.flatMap { numbers($0) } }
        if let number = any as? NSNumber { return [number.doubleValue] }
        return []
    }

    static func expectClose(_ got: [Double], _ want: [Double], relative: Double, absolute: Double = 0, _ what: String) {
        #expect(got.count == want.count, "\(what): \(got.count) values, expected \(want.count)")
        for (g, w) in zip(got, want) {
            #expect(close(g, w, relative: relative) || abs(g - w) <= absolute, "\(what): \(g) vs \(w)")
        }
    }

    @Test func strategyConstants() {
        let cases = Self.fixture["constants"] as! [[String: Any]]
        #expect(cases.count > 15)
        for c in cases {
            let n = c["n"] as! Int, popsize = c["popsize"] as! Int
            let p: CMAParameters = (c["kind"] as! String) == "cma" ? .full(dimension: n, popsize: popsize) : .separable(dimension: n, popsize: popsize)
            let what = "\(c["kind"]!) n=\(n) popsize=\(popsize)"
            if c["popsize"] as! Int == CMAParameters.defaultPopsize(dimension: n) || n == 1 {
                #expect(p.popsize == popsize)
            }
            #expect(p.mu == c["mu"] as! Int, "\(what)")
            #expect(p.valueHistoryLength == c["funhist_term"] as! Int, "\(what)")
            let got = [p.muEff, p.c1, p.cmu, p.cSigma, p.dSigma, p.cc, p.chiN]
            let want = ["mu_eff", "c1", "cmu", "c_sigma", "d_sigma", "cc", "chi_n"].map { (c[$0] as! NSNumber).doubleValue }
            Self.expectClose(got, want, relative: 1e-14, what)
            Self.expectClose(p.weights, Self.numbers(c["weights"]), relative: 1e-13, absolute: 1e-16, "\(what) weights")
        }
    }

    @Test func defaultPopulations() {
        let expected = [1: 4, 2: 6, 3: 7, 4: 8, 5: 8, 6: 9, 7: 9, 8: 10, 10: 10, 12: 11, 20: 12, 30: 14, 50: 15, 100: 17]
        for (n, popsize) in expected.sorted(by: { $0.key < $1.key }) { #expect(CMAParameters.defaultPopsize(dimension: n) == popsize, "n = \(n)") }
    }

    @Test(arguments: ["cma-2d", "cma-6d", "cma-10d-popsize-20", "cma-3d-hsigma", "cma-lr-adapt-2d", "cma-lr-adapt-5d",
                      "sepcma-6d", "sepcma-20d", "cmawm-2d", "cmawm-3d-edge", "cmawm-4d"])
    func generationUpdates(name: String) {
        let updates = Self.fixture["updates"] as! [[String: Any]]
        let c = updates.first { $0["name"] as! String == name }!
        let kind = c["kind"] as! String
        let mean = Self.numbers(c["mean"]), sigma = (c["sigma"] as! NSNumber).doubleValue
        let popsize = c["popsize"] as! Int
        var strategy: EvolutionStrategy
        switch kind {
        case "cma": strategy = .full(CMAStrategy(mean: mean, sigma: sigma, popsize: popsize, lrAdapt: c["lr_adapt"] as! Bool))
        case "sepcma": strategy = .separable(SepCMAStrategy(mean: mean, sigma: sigma, popsize: popsize))
        default: strategy = .margin(CMAwMStrategy(mean: mean, sigma: sigma, popsize: popsize, steps: Self.numbers(c["steps"])))
        }
        if case .margin(let s) = strategy {
            #expect(Self.close(s.margin, (c["margin"] as! NSNumber).doubleValue, relative: 1e-15))
            let initial = c["initial"] as! [String: Any]
            Self.expectClose(s.limitsLow, Self.numbers(initial["limits_low"]), relative: 1e-15, "\(name) initial low limits")
            Self.expectClose(s.limitsUp, Self.numbers(initial["limits_up"]), relative: 1e-15, "\(name) initial up limits")
        }
        // A diverging case (σ grows by 10^9) loses relative precision in C's small entries.
        let tolerance = name == "cma-3d-hsigma" ? 1e-7 : 1e-10
        for (g, generation) in (c["generations"] as! [[String: Any]]).enumerated() {
            let solutions = (generation["solutions"] as! [[Any]]).map { Self.numbers($0) }
            strategy.tell(solutions, values: Self.numbers(generation["values"]))
            let after = generation["after"] as! [String: Any]
            let what = "\(name) after tell \(g + 1)"
            #expect(strategy.generation == after["generation"] as! Int)
            switch strategy {
            case .full(var s):
                Self.compare(mean: s.state.mean, sigma: s.state.sigma, c: s.covariance, pSigma: s.state.pathSigma, pC: s.state.pathC, after, tolerance, what)
                if let rates = s.learningRates {
                    Self.expectClose([rates.etaMean, rates.etaSigma], [after["eta_mean"], after["eta_Sigma"]].map { ($0 as! NSNumber).doubleValue },
                                     relative: tolerance, "\(what) learning rates")
                }
                #expect(s.shouldStop() == after["should_stop"] as! Bool, "\(what) should_stop")
            case .separable(let s):
                Self.compare(mean: s.state.mean, sigma: s.state.sigma, c: s.covariance, pSigma: s.state.pathSigma, pC: s.state.pathC, after, tolerance, what)
                #expect(s.shouldStop() == after["should_stop"] as! Bool, "\(what) should_stop")
            case .margin(var s):
                let i = s.inner
                Self.compare(mean: i.state.mean, sigma: i.state.sigma, c: i.covariance, pSigma: i.state.pathSigma, pC: i.state.pathC, after, tolerance, what)
                Self.expectClose(s.scale, Self.numbers(after["A"]), relative: tolerance, "\(what) A")
                if after["limits_low"] != nil {
                    Self.expectClose(s.limitsLow, Self.numbers(after["limits_low"]), relative: 1e-15, "\(what) low limits")
                    Self.expectClose(s.limitsUp, Self.numbers(after["limits_up"]), relative: 1e-15, "\(what) up limits")
                }
                #expect(s.shouldStop() == after["should_stop"] as! Bool, "\(what) should_stop")
            }
        }
    }

    static func compare(mean: [Double], sigma: Double, c: [Double], pSigma: [Double], pC: [Double], _ after: [String: Any],
                        _ tolerance: Double, _ what: String) {
        expectClose(mean, numbers(after["mean"]), relative: tolerance, absolute: 1e-15, "\(what) mean")
        expectClose([sigma], [(after["sigma"] as! NSNumber).doubleValue], relative: tolerance, "\(what) sigma")
        // C's entries near zero carry absolute, not relative, rounding.
        let want = numbers(after["C"])
        let scale = want.map(abs).max() ?? 1
        expectClose(c, want, relative: tolerance, absolute: tolerance * scale, "\(what) C")
        expectClose(pSigma, numbers(after["p_sigma"]), relative: tolerance, absolute: 1e-14, "\(what) p_sigma")
        expectClose(pC, numbers(after["p_c"]), relative: tolerance, absolute: 1e-14, "\(what) p_c")
    }

    @Test func marginEncodingTiesGoToTheLowerValue() {
        let e = Self.fixture["cmawm_encoding"] as! [String: Any]
        let s = CMAwMStrategy(mean: [0.5, 0.5], sigma: 1.0 / 6, popsize: 6, steps: [0, 0.25])
        let raw = Self.numbers(e["raw"]), encoded = Self.numbers(e["encoded"])
        for (x, want) in zip(raw, encoded) { #expect(s.encode(x, coordinate: 0) == want, "encode(\(x))") }
    }
}
