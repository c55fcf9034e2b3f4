/// The colours and marks of the suggesters: chosen by the suggester's index in the manifest, so
/// a suggester looks the same in every picture of a manifest.
public enum Palette {
    /// Tableau 10 (matplotlib's default cycle), distinguishable and print-safe.
    public static let colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                 "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]
    /// gnuplot point types: filled circle, square, triangle, inverted triangle, diamond.
    public static let pointTypes = [7, 5, 9, 11, 13]

    /// The colour of suggester `index` (the palette repeats after ten).
    public static func colour(_ index: Int) -> String { colours[index % colours.count] }

    /// The point type of suggester `index`.
    public static func pointType(_ index: Int) -> Int { pointTypes[index % pointTypes.count] }

    /// The dash type of suggester `index`: solid for the first ten, then dashed, dotted, … so
    /// that suggesters sharing a colour still differ.
    public static func dashType(_ index: Int) -> Int { index / colours.count + 1 }

    /// The colour as gnuplot's `lc rgb variable` integer 0xRRGGBB.
    public static func colourValue(_ index: Int) -> Int { Int(colour(index).dropFirst(), radix: 16) ?? 0 }
}
