/// Small phrases shared by report.md and the pictures' titles.
public enum Wording {
    /// "1 problem", "3 problems".
    public static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
