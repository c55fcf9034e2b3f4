import Foundation
import Yams

/// The limits a manifest is checked against before anything runs, so that a typo or a hostile
/// file fails `validate` with a message naming the limit instead of exhausting memory later.
public enum ManifestLimits {
    /// YAML nodes after aliases are expanded (an alias repeats its anchor's whole content).
    public static let yamlNodes = 1_000_000
    /// Replicates per (problem, suggester).
    public static let repeats = 1_000_000
    /// Evaluations per cell.
    public static let budget = 100_000_000
    /// Cells (problems × suggesters × repeats): each has a seed pair, a lock-file line and a file.
    public static let cells = 10_000_000
    /// Characters in a problem, suggester or manifest label (it names folders; file systems
    /// allow 255 bytes per name).
    public static let labelLength = 100
    /// The estimated bytes collect holds per trial: its row plus 16 bytes per label.
    static func bytesPerTrial(labels: Int) -> Int { 96 + 16 * labels }

    /// Counts the nodes of `root` with aliases expanded, stopping just past `limit`.
    ///
    /// - Complexity: O(min(nodes, limit)) time; iterative, so any nesting depth is safe.
    static func expandedNodeCount(_ root: Node, limit: Int) -> Int {
        var count = 0
        var stack: [Node] = [root]
        while let node = stack.popLast() {
            count += 1
            if count > limit { return count }
            switch node {
            case .scalar, .alias: break
            case .sequence(let sequence): stack.append(contentsOf: sequence)
            case .mapping(let mapping):
                for (key, value) in mapping { stack.append(key); stack.append(value) }
            }
        }
        return count
    }

    /// The bytes of physical memory, for the repeats × budget check.
    static var physicalMemory: UInt64 { ProcessInfo.processInfo.physicalMemory }
}
