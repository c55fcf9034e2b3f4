import Testing

@testable import ParzenBench

/// COCO's instance generator: values it must reproduce (they underlie every function value
/// the known-answer tests compare with cocoex).
@Suite struct BBOBGeneratorTests {
    @Test func uniformReproducesCOCO() {
        #expect(BBOBGenerator.uniform(6, seed: 1) == [
            0.41599935685098144, 0.091964890757559287, 0.75641048595142113,
            0.52970019333516261, 0.93043649472782231, 0.38350207748985948,
        ])
        #expect(BBOBGenerator.uniform(4, seed: 10001) == [0.53163354496081994, 0.35540521114850659, 0.40956786666510991, 0.74087246635038051])
        // Seed 0 (and negative seeds' absolute values below 1) behave as seed 1.
        #expect(BBOBGenerator.uniform(2, seed: 0) == Array(BBOBGenerator.uniform(6, seed: 1).prefix(2)))
        #expect(BBOBGenerator.uniform(3, seed: -10001) == Array(BBOBGenerator.uniform(3, seed: 10001)))
    }

    @Test func gaussPairsTheFirstHalfWithTheSecond() {
        #expect(BBOBGenerator.gauss(4, seed: 10001) == [0.57227349908078029, -1.3535836035216626, -1.3305446626625732, -0.77103182596461028])
        #expect(BBOBGenerator.gauss(1, seed: 10001) == [-0.69122823400896249])
    }

    @Test func instanceDataReproducesCOCO() {
        #expect(BBOBInstanceData.fOpt(function: 1, instance: 1) == 79.48)
        #expect(BBOBInstanceData.fOpt(function: 4, instance: 1) == -462.09)
        #expect(BBOBInstanceData.fOpt(function: 18, instance: 1) == -16.94)
        #expect(BBOBInstanceData.fOpt(function: 24, instance: 110) == 149.81)
        #expect(BBOBInstanceData.xOpt(seed: 10001, dimension: 3) == [0.25279999999999969, -1.1568000000000001, -0.7240000000000002])
        let r = BBOBInstanceData.rotation(seed: 1_010_010, dimension: 3)
        #expect(r.entries == [
            -0.032580429923207491, -0.29617966029616372, -0.95457641098702417,
            -0.9922393006134379, 0.12425458688504012, -0.0046869986327617063,
            -0.11999869126025703, -0.94701552598934569, 0.29792936684883631,
        ])
    }
}
