/// The ENSIP-15 validation rules for one normalized label; each throws `ENSNameError`.
struct ENSLabelChecks {
    let data: ENSNormalizationData
    /// The label as given, for messages.
    let input: [UInt32]

    private func failure(_ reason: ENSNameError.Reason, _ codePoint: UInt32? = nil, _ detail: String) -> ENSNameError {
        ENSNameError(reason, label: input, codePoint: codePoint, detail)
    }

    /// Underscores only as a leading run.
    func underscores(_ label: [UInt32]) throws {
        guard let last = label.lastIndex(of: 0x5F) else { return }
        if label[..<last].contains(where: { $0 != 0x5F }) {
            throw failure(.underscorePlacement, 0x5F, "underscore allowed only at start")
        }
    }

    /// An ASCII label must not have "--" at positions 3 and 4 (reserved for IDNA's "xn--").
    func labelExtension(_ label: [UInt32]) throws {
        if label.count >= 4, label[2] == 0x2D, label[3] == 0x2D {
            throw failure(.labelExtension, nil, "invalid label extension: \"\(ENSNormalForm.string(Array(label[..<4])))\"")
        }
    }

    /// No combining mark at the start of the label or right after an emoji.
    func combiningMarks(_ tokens: [ENSLabelNormalizer.Token]) throws {
        for (index, token) in tokens.enumerated() {
            guard case .text(let codePoints) = token, let first = codePoints.first,
                  data.combiningMarks.contains(first) else { continue }
            if index == 0 {
                throw failure(.leadingCombiningMark, first, "leading combining mark \(ENSSafeText.quoted(first))")
            }
            var emoji = ""
            if case .emoji(let previous) = tokens[index - 1] { emoji = ENSSafeText.render(previous.beautified) }
            throw failure(.combiningMarkAfterEmoji, first, "combining mark after emoji: \"\(emoji)\" + \(ENSSafeText.quoted(first))")
        }
    }

    /// Fenced characters (apostrophe, fraction slash, middle dot) not first, last or adjacent.
    func fenced(_ label: [UInt32]) throws {
        guard let first = label.first else { return }
        if let name = data.fenced[first] {
            throw failure(.fencedPlacement, first, "leading \(name)")
        }
        var lastEnd = -1
        var lastName = ""
        for index in 1..<max(1, label.count) {
            guard let name = data.fenced[label[index]] else { continue }
            if lastEnd == index {
                throw failure(.fencedPlacement, label[index], "adjacent \(lastName) + \(name)")
            }
            lastEnd = index + 1
            lastName = name
        }
        if lastEnd == label.count {
            throw failure(.fencedPlacement, label.last, "trailing \(lastName)")
        }
    }

    /// The one group that holds every distinct character (first match in spec order).
    func group(of unique: [UInt32]) throws -> ENSNormalizationData.Group {
        var candidates: [Int]? = nil  // nil: every group
        for codePoint in unique {
            let owners = data.groupMembership.groups(holding: codePoint)
            // While several groups remain, a character of no group at all (valid only as part
            // of a decomposition) is disallowed; otherwise it is an illegal mixture.
            if owners.isEmpty {
                throw failure(.disallowedCharacter, codePoint, "disallowed character: \(ENSSafeText.quoted(codePoint))")
            }
            let holding = candidates.map { $0.filter(owners.contains) } ?? owners
            if holding.isEmpty {
                throw mixture(data.groups[candidates![0]], codePoint)
            }
            candidates = holding
            if holding.count == 1 { break }
        }
        return data.groups[candidates?.first ?? 0]
    }

    private func mixture(_ group: ENSNormalizationData.Group, _ codePoint: UInt32) -> ENSNameError {
        var other = ""
        if let owner = data.groups.first(where: { $0.primary.contains(codePoint) }) {
            other = owner.displayName + " "
        }
        return failure(.illegalMixture, codePoint, "illegal mixture: \(group.displayName) + \(other)\(ENSSafeText.quoted(codePoint))")
    }

    /// Every character in the group; unless the group whitelists its combining marks, at most
    /// `maxNonSpacingMarks` non-spacing marks in a row after decomposition, none repeated.
    func members(_ text: [UInt32], of group: ENSNormalizationData.Group) throws {
        for codePoint in text where !group.contains(codePoint) {
            throw mixture(group, codePoint)
        }
        guard !group.combiningMarksWhitelisted else { return }
        let decomposed = ENSNormalForm.nfd(text)
        var index = 1
        while index < decomposed.count {
            guard data.nonSpacingMarks.contains(decomposed[index]) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < decomposed.count, data.nonSpacingMarks.contains(decomposed[end]) {
                if decomposed[index..<end].contains(decomposed[end]) {
                    throw failure(.duplicateNonSpacingMark, decomposed[end],
                                  "duplicate non-spacing mark \(ENSSafeText.quoted(decomposed[end]))")
                }
                end += 1
            }
            if end - index > data.maxNonSpacingMarks {
                let run = ENSSafeText.render(Array(decomposed[(index - 1)..<end]))
                throw failure(.excessiveNonSpacingMarks, decomposed[index],
                              "excessive non-spacing marks: \"\(run)\" (\(end - index)/\(data.maxNonSpacingMarks))")
            }
            index = end + 1
        }
    }

    /// Refuses a label whose every character has a look-alike in one other group that could
    /// spell the whole label (a whole-script confusable).
    func wholeScript(_ unique: [UInt32], group: ENSNormalizationData.Group) throws {
        var candidates: [Int]? = nil
        var shared: [UInt32] = []
        for codePoint in unique {
            if data.uniqueNonConfusable.contains(codePoint) { return }
            if let complement = data.confusableComplements[codePoint] {
                let narrowed = candidates.map { $0.filter(complement.contains) } ?? complement
                if narrowed.isEmpty { return }
                candidates = narrowed
            } else {
                shared.append(codePoint)
            }
        }
        for index in candidates ?? [] {
            let other = data.groups[index]
            if shared.allSatisfy(other.contains) {
                throw failure(.wholeScriptConfusable, nil, "whole-script confusable: \(group.displayName)/\(other.displayName)")
            }
        }
    }
}
