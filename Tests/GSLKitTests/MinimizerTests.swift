import Foundation
import Testing
@testable import GSLKit

@Suite struct MinimizerTests {
    @Test func quadraticBowl() {
        let result = Minimizer.minimize(start: [1, 1], gradientTolerance: 1e-10, maxIterations: 100) { x, gradient in
            gradient[0] = 2 * (x[0] - 3)
            gradient[1] = 20 * (x[1] + 1)
            return (x[0] - 3) * (x[0] - 3) + 10 * (x[1] + 1) * (x[1] + 1)
        }
        #expect(result.converged)
        #expect(abs(result.point[0] - 3) < 1e-8 && abs(result.point[1] + 1) < 1e-8)
        #expect(result.value < 1e-15)
    }

    @Test func rosenbrockWithItsGradient() {
        let result = Minimizer.minimize(start: [-1.2, 1], gradientTolerance: 1e-8, maxIterations: 500) { x, gradient in
            let a = 1 - x[0], b = x[1] - x[0] * x[0]
            gradient[0] = -2 * a - 400 * x[0] * b
            gradient[1] = 200 * b
            return a * a + 100 * b * b
        }
        #expect(result.converged)
        #expect(abs(result.point[0] - 1) < 1e-6 && abs(result.point[1] - 1) < 1e-6)
    }

    @Test func startAtTheMinimumStopsAtOnce() {
        let result = Minimizer.minimize(start: [0], gradientTolerance: 1e-3, maxIterations: 100) { x, gradient in
            gradient[0] = 2 * x[0]
            return x[0] * x[0]
        }
        #expect(result.converged && result.iterations == 0 && result.evaluations == 1)
    }

    @Test func nonFiniteValuesAreNeverReturned() {
        // +∞ left of 0.5 and NaN beyond 4; the minimum 0 of (x − 2)² lies in between.
        let result = Minimizer.minimize(start: [3], stepSize: 10, gradientTolerance: 1e-9, maxIterations: 100) { x, gradient in
            gradient[0] = 2 * (x[0] - 2)
            if x[0] < 0.5 { return .infinity }
            if x[0] > 4 { return .nan }
            return (x[0] - 2) * (x[0] - 2)
        }
        #expect(result.value.isFinite)
        #expect(result.point[0] >= 0.5 && result.point[0] <= 4)
        #expect(result.value <= 1)
    }

    @Test func nothingFiniteReturnsTheStart() {
        let result = Minimizer.minimize(start: [1, 2], gradientTolerance: 1e-6, maxIterations: 10) { _, _ in .nan }
        #expect(result.point == [1, 2])
        #expect(result.value == .infinity)
        #expect(!result.converged)
    }

    @Test func valueOnlyFormFollowsTheSameIterates() {
        func rosenbrock(_ x: [Double]) -> Double {
            let a = 1 - x[0], b = x[1] - x[0] * x[0]
            return a * a + 100 * b * b
        }
        func withGradient(_ x: [Double], _ gradient: inout [Double]) -> Double {
            let a = 1 - x[0], b = x[1] - x[0] * x[0]
            gradient[0] = -2 * a - 400 * x[0] * b
            gradient[1] = 200 * b
            return rosenbrock(x)
        }
        let plain = Minimizer.minimize(start: [-1.2, 1], gradientTolerance: 1e-8, maxIterations: 500, withGradient)
        var valueCalls = 0, gradientCalls = 0
        var valuePoints: Set<[Double]> = []
        let lazy = Minimizer.minimize(
            start: [-1.2, 1], gradientTolerance: 1e-8, maxIterations: 500,
            value: { x in
                valueCalls += 1
                valuePoints.insert(x)
                return rosenbrock(x)
            },
            valueAndGradient: { x, gradient in
                gradientCalls += 1
                return withGradient(x, &gradient)
            })
        #expect(lazy.point == plain.point && lazy.value == plain.value)
        #expect(lazy.iterations == plain.iterations && lazy.converged == plain.converged)
        // The line search rejects some trial steps on Rosenbrock's valley: those need no gradient.
        #expect(valueCalls > 0 && valuePoints.count == valueCalls)
        #expect(gradientCalls < plain.evaluations)
    }

    @Test func callersStoppingTestReplacesTheGradientTolerance() {
        // f = (x − 3)² + 10(y + 1)²; the test asks for |∂f/∂x| < 1e-6 only, so y may stay loose.
        var asked = 0
        let result = Minimizer.minimize(
            start: [0, 0], maxIterations: 200,
            value: { x in (x[0] - 3) * (x[0] - 3) + 10 * (x[1] + 1) * (x[1] + 1) },
            valueAndGradient: { x, gradient in
                gradient[0] = 2 * (x[0] - 3)
                gradient[1] = 20 * (x[1] + 1)
                return (x[0] - 3) * (x[0] - 3) + 10 * (x[1] + 1) * (x[1] + 1)
            },
            converged: { gradient in
                asked += 1
                return abs(gradient[0]) < 1e-6
            })
        #expect(result.converged)
        #expect(abs(result.point[0] - 3) < 1e-5)
        #expect(asked == result.iterations + 1)
        // A test that never passes runs to the iteration limit.
        let capped = Minimizer.minimize(
            start: [0, 0], maxIterations: 3,
            value: { x in x[0] * x[0] + x[1] * x[1] },
            valueAndGradient: { x, gradient in
                gradient[0] = 2 * x[0]
                gradient[1] = 2 * x[1]
                return x[0] * x[0] + x[1] * x[1]
            },
            converged: { _ in false })
        #expect(!capped.converged && capped.iterations <= 3)
    }
}
