import Foundation
import Testing
@testable import ParzenBench

/// Results come back in index order whatever the number of threads and however long each takes.
@Suite struct OrderedParallelMapTests {
    @Test(arguments: [1, 2, 3, 8])
    func resultsFollowTheIndices(threads: Int) {
        // Later indices finish first: index i sleeps longer the smaller it is.
        let results = OrderedParallelMap.map(5..<17, threads: threads) { i -> String in
            usleep(UInt32(17 - i) * 300)
            return "r\(i)"
        }
        #expect(results == (5..<17).map { "r\($0)" })
        #expect(OrderedParallelMap.map(3..<3, threads: threads) { $0 }.isEmpty)
        #expect(OrderedParallelMap.map(0..<1, threads: threads) { $0 * 10 } == [0])
    }
}
