public enum ParzenBenchInfo { public static let version = "0.1.0" }
