/// One label through ENSIP-15: tokenize (emoji, ignored, mapped, valid), normalize the text
/// runs (NFC), then validate the result.
struct ENSLabelNormalizer {
    enum Token {
        case text([UInt32])
        case emoji(ENSEmojiTrie.Emoji)
    }

    /// A validated label: its tokens and the group it belongs to (nil: ASCII or emoji only).
    struct Label {
        let tokens: [Token]
        let group: ENSNormalizationData.Group?

        func codePoints(beautified: Bool) -> [UInt32] {
            var out: [UInt32] = []
            for token in tokens {
                switch token {
                case .text(let codePoints): out += codePoints
                case .emoji(let emoji): out += beautified ? emoji.beautified : emoji.normalized
                }
            }
            return out
        }
    }

    let data = ENSNormalizationData.shared

    func normalize(_ input: [UInt32]) throws -> Label {
        let tokens = try tokenize(input)
        guard !tokens.isEmpty else {
            throw ENSNameError(.emptyLabel, label: input, "empty label")
        }
        let label = Label(tokens: tokens, group: nil)
        let normalized = label.codePoints(beautified: false)
        let checks = ENSLabelChecks(data: data, input: input)
        try checks.underscores(normalized)
        var text: [UInt32] = []
        var hasEmoji = false
        for token in tokens {
            switch token {
            case .text(let codePoints): text += codePoints
            case .emoji: hasEmoji = true
            }
        }
        if !hasEmoji, normalized.allSatisfy({ $0 < 0x80 }) {
            try checks.labelExtension(normalized)
            return label
        }
        if text.isEmpty { return label }
        try checks.combiningMarks(tokens)
        try checks.fenced(normalized)
        var seen = Set<UInt32>()
        let unique = text.filter { seen.insert($0).inserted }
        let group = try checks.group(of: unique)
        try checks.members(text, of: group)
        try checks.wholeScript(unique, group: group)
        return Label(tokens: tokens, group: group)
    }

    private func tokenize(_ input: [UInt32]) throws -> [Token] {
        var tokens: [Token] = []
        var run: [UInt32] = []
        func flush() {
            guard !run.isEmpty else { return }
            tokens.append(.text(run.allSatisfy { $0 < 0x80 } ? run : ENSNormalForm.nfc(run)))
            run.removeAll()
        }
        var index = 0
        while index < input.count {
            if let match = data.emoji.longestMatch(in: input, from: index) {
                flush()
                tokens.append(.emoji(match.emoji))
                index = match.end
                continue
            }
            let codePoint = input[index]
            if data.valid.contains(codePoint) {
                run.append(codePoint)
            } else if let replacement = data.mapped[codePoint] {
                run += replacement
            } else if !data.ignored.contains(codePoint) {
                throw ENSNameError(.disallowedCharacter, label: input, codePoint: codePoint,
                                   "disallowed character: \(ENSSafeText.quoted(codePoint))")
            }
            index += 1
        }
        flush()
        return tokens
    }
}
