/// Why a name is not a normalizable ENS name (ENSIP-15), naming the label and the character.
///
/// `description` is one line safe to print: characters that ENSIP-15 marks for escaping and all
/// control characters are written as `{XXXX}` (hex code point), never raw.
public struct ENSNameError: ReasonedError, Equatable {
    public enum Reason: String, Sendable, Equatable {
        case emptyLabel = "empty-label"
        case disallowedCharacter = "disallowed-character"
        case underscorePlacement = "underscore-placement"
        case labelExtension = "label-extension"
        case leadingCombiningMark = "leading-combining-mark"
        case combiningMarkAfterEmoji = "combining-mark-after-emoji"
        case fencedPlacement = "fenced-placement"
        case illegalMixture = "illegal-mixture"
        case wholeScriptConfusable = "whole-script-confusable"
        case duplicateNonSpacingMark = "duplicate-non-spacing-mark"
        case excessiveNonSpacingMarks = "excessive-non-spacing-marks"
        case labelTooLong = "label-too-long"
    }

    public let reason: Reason
    /// The label as given in the input (raw; show it through `description`).
    public let label: String
    /// The offending code point, when there is one.
    public let codePoint: UInt32?
    /// What is wrong, already safe to print.
    public let detail: String

    public var category: ErrorCategory { .invalidInput }
    public var reasonName: String? { reason.rawValue }

    public var description: String {
        let shown = ENSSafeText.render(label.unicodeScalars.map(\.value), limit: 64)
        return "invalid ENS name: label \"\(shown)\": \(detail)"
    }

    init(_ reason: Reason, label: [UInt32], codePoint: UInt32? = nil, _ detail: String) {
        self.reason = reason
        self.label = ENSNormalForm.string(label)
        self.codePoint = codePoint
        self.detail = detail
    }
}

/// Code points made safe to show in a message (see `ENSNameError`).
enum ENSSafeText {
    /// `{XXXX}` for a code point that must not be shown raw.
    static func escape(_ codePoint: UInt32) -> String {
        let hex = String(codePoint, radix: 16, uppercase: true)
        return "{" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "}"
    }

    static func mustEscape(_ codePoint: UInt32) -> Bool {
        codePoint < 0x20 || (0x7F...0x9F).contains(codePoint) || (0x202A...0x202E).contains(codePoint)
            || (0x2066...0x2069).contains(codePoint) || Unicode.Scalar(codePoint) == nil
            || ENSNormalizationData.shared.escaped.contains(codePoint)
    }

    /// The code points as text, escaped where needed; a leading combining mark gets a dotted
    /// circle to sit on; past `limit` code points the rest is summarized.
    static func render(_ codePoints: [UInt32], limit: Int? = nil) -> String {
        var out = ""
        if let first = codePoints.first, ENSNormalizationData.shared.combiningMarks.contains(first) {
            out += "\u{25CC}"
        }
        for (index, codePoint) in codePoints.enumerated() {
            if let limit, index == limit {
                out += "… (\(codePoints.count - limit) more)"
                break
            }
            out += mustEscape(codePoint) ? escape(codePoint) : String(Unicode.Scalar(codePoint)!)
        }
        return out
    }

    /// One code point quoted with its hex value, e.g. `"ξ" {03BE}` or just `{0000}`.
    static func quoted(_ codePoint: UInt32) -> String {
        mustEscape(codePoint) ? escape(codePoint) : "\"\(render([codePoint]))\" \(escape(codePoint))"
    }
}
