/// Renders benchmark rows as an aligned text table or as JSON.
enum Report {
    static let headers = ["benchmark", "sigil", "baseline", "ratio", "target", "result"]

    static func table(_ rows: [BenchRow]) -> String {
        let cells = rows.map { row -> [String] in
            let digits = row.unit == .megabytesPerSecond ? 0 : row.unit == .microsecondsPerCall ? 2 : 1
            return [row.name,
                    "\(format(row.sigil, digits: digits)) \(row.unit.rawValue)",
                    "\(format(row.baseline, digits: digits)) \(row.unit.rawValue)",
                    "\(format(row.ratio, digits: 2))x",
                    row.target.label,
                    row.verdict]
        }
        var widths = headers.map(\.count)
        for line in cells {
            for (i, cell) in line.enumerated() { widths[i] = Swift.max(widths[i], cell.count) }
        }
        func render(_ line: [String]) -> String {
            line.enumerated().map { i, cell in
                // Left-align the name, right-align the figures.
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return i == 0 ? cell + pad : pad + cell
            }.joined(separator: " | ")
        }
        var out = [render(headers), widths.map { String(repeating: "-", count: $0) }.joined(separator: "-+-")]
        out += cells.map(render)
        let baselines = Set(rows.map(\.baselineName)).sorted()
        out.append("")
        out.append("ratio = sigil / baseline; baselines: " + baselines.joined(separator: "; "))
        return out.joined(separator: "\n")
    }

    static func json(_ rows: [BenchRow]) -> String {
        let objects = rows.map { row in
            let fields: [(String, String)] = [
                ("name", quote(row.name)),
                ("unit", quote(row.unit.rawValue)),
                ("sigil", number(row.sigil)),
                ("baseline", number(row.baseline)),
                ("baselineName", quote(row.baselineName)),
                ("ratio", number(row.ratio)),
                ("target", quote(row.target.label)),
                ("result", quote(row.verdict)),
            ]
            return "  {" + fields.map { "\(quote($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]"
    }

    private static func number(_ value: Double) -> String {
        value.isFinite ? format(value, digits: 3) : "null"
    }

    private static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
