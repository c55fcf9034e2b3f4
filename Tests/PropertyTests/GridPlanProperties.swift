import GSLKit
@testable import Parzen
import PropertyBased
import Testing

@Suite struct GridPlanProperties {
    static let recipes = Gen.int(in: 0...1_000_000).array(of: 1...30)

    /// A grid visits distinct points, each valid in the space, at most the budget of them and
    /// exactly as many as its plan says (the budget, or the grid's whole size when smaller); the
    /// same seed gives the same points in the same order, and another seed the same set of
    /// points unless the grid is partial.
    @Test func gridVisitsDistinctValidPointsWithinTheBudget() async {
        await propertyCheck(count: 150, input: Self.recipes, Gen.int(in: 0...300), Gen.bool, Gen.uint32(in: 1...UInt32.max)) {
            numbers, budget, endpoints, seed in
            var recipe = SpaceRecipe(numbers)
            let text = recipe.record(depth: 0)
            guard let space = try? SearchSpace(parsing: text) else {
                Issue.record("generated space does not compile: \(text)")
                return
            }
            let placement: GridSearch.Placement = endpoints ? .endpoints : .centres
            guard let (plan, points) = try? GridSearch.layOut(space: space, placement: placement, budget: budget, using: MersenneTwister(seed: seed)) else {
                return  // a space the grid refuses (its coarsest grid too large to index)
            }
            #expect(points.count == plan.pointCount)
            #expect(plan.pointCount <= budget)
            #expect(plan.pointCount == min(budget, plan.gridSize), "\(text) at budget \(budget)")
            #expect(Set(points.map { "\($0)" }).count == points.count, "repeated points in \(text)")
            for point in points {
                #expect(throws: Never.self) { try space.validate(point) }
            }
            let again = try? GridSearch.layOut(space: space, placement: placement, budget: budget, using: MersenneTwister(seed: seed))
            #expect(again?.1 == points)
            if !plan.isPartial, let other = try? GridSearch.layOut(space: space, placement: placement, budget: budget, using: MersenneTwister(seed: seed &+ 1)) {
                #expect(Set(other.1.map { "\($0)" }) == Set(points.map { "\($0)" }))
            }
        }
    }
}
