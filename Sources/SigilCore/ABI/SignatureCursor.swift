/// A position in signature text, by Unicode scalar.
struct SignatureCursor {
    let scalars: [Unicode.Scalar]
    var index = 0

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    var atEnd: Bool { index >= scalars.count }
    var peek: Unicode.Scalar? { atEnd ? nil : scalars[index] }
    /// The character at the cursor quoted for an error message.
    var found: String {
        guard let c = peek else { return "the end" }
        if c.properties.isWhitespace || !c.isASCII || c.value < 0x20 {
            return "U+\(String(c.value, radix: 16, uppercase: true))"
        }
        return "'\(c)'"
    }

    mutating func skipSpace() {
        while let c = peek, c == " " || c == "\t" || c == "\n" || c == "\r" { index += 1 }
    }

    private static func isIdentifierScalar(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && (c.properties.isAlphabetic || c.properties.numericType != nil || c == "_" || c == "$")
    }

    func peekIdentifier() -> String? {
        var end = index
        while end < scalars.count, SignatureCursor.isIdentifierScalar(scalars[end]) { end += 1 }
        guard end > index else { return nil }
        var word = ""
        word.unicodeScalars.append(contentsOf: scalars[index..<end])
        return word
    }

    mutating func readIdentifier() -> String? {
        guard let word = peekIdentifier() else { return nil }
        index += word.unicodeScalars.count
        return word
    }

    /// Skips spaces and the visibility and mutability words that may follow a parameter list.
    mutating func skipModifiers() {
        while true {
            skipSpace()
            guard let word = peekIdentifier(),
                  ["external", "public", "internal", "private", "view", "pure", "payable", "nonpayable", "virtual", "override"].contains(word)
            else { return }
            index += word.unicodeScalars.count
        }
    }
}
