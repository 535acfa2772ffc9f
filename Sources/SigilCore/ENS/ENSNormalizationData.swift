/// The decoded ENSIP-15 tables, built once on first use from `ENSNormalizationTables`.
final class ENSNormalizationData: Sendable {
    static let shared = ENSNormalizationData()

    /// A script group: a label's characters must all belong to one.
    final class Group: Sendable {
        let index: Int
        let name: String
        let restricted: Bool
        /// Groups whose combining marks are whitelisted skip the non-spacing mark limits.
        let combiningMarksWhitelisted: Bool
        let primary: ENSCodePointSet
        let secondary: ENSCodePointSet

        init(index: Int, name: String, restricted: Bool, combiningMarksWhitelisted: Bool,
             primary: ENSCodePointSet, secondary: ENSCodePointSet) {
            self.index = index
            self.name = name
            self.restricted = restricted
            self.combiningMarksWhitelisted = combiningMarksWhitelisted
            self.primary = primary
            self.secondary = secondary
        }

        func contains(_ codePoint: UInt32) -> Bool {
            primary.contains(codePoint) || secondary.contains(codePoint)
        }

        /// The name used in messages (restricted groups are marked so).
        var displayName: String { restricted ? "Restricted[\(name)]" : name }
    }

    let ignored: ENSCodePointSet
    let mapped: [UInt32: [UInt32]]
    let valid: ENSCodePointSet
    let combiningMarks: ENSCodePointSet
    let nonSpacingMarks: ENSCodePointSet
    let escaped: ENSCodePointSet
    let fenced: [UInt32: String]
    let emoji: ENSEmojiTrie
    let groups: [Group]
    let groupMembership: ENSGroupMembership
    /// For a confusable code point: the groups (indices) holding a look-alike it does not share
    /// a group with.
    let confusableComplements: [UInt32: [Int]]
    let uniqueNonConfusable: ENSCodePointSet
    let maxNonSpacingMarks = ENSNormalizationTables.maxNonSpacingMarks

    private init() {
        typealias T = ENSNormalizationTables
        ignored = ENSTableText(T.ignored).codePointSet
        mapped = ENSTableText(T.mapped).codePointMap
        valid = ENSTableText(T.valid).codePointSet
        combiningMarks = ENSTableText(T.combiningMarks).codePointSet
        nonSpacingMarks = ENSTableText(T.nonSpacingMarks).codePointSet
        escaped = ENSTableText(T.escaped).codePointSet
        var fenced: [UInt32: String] = [:]
        for record in ENSTableText(T.fenced).parts(";") {
            let fields = record.parts("|")
            fenced[fields[0].number] = fields[1].string
        }
        self.fenced = fenced
        emoji = ENSEmojiTrie(sequences: ENSTableText(T.emoji).parts(",").map(\.sequence))
        groups = ENSTableText(T.groups).parts(";").enumerated().map { index, record in
            let fields = record.parts("|")
            let flags = fields[1].number
            return Group(index: index, name: fields[0].string, restricted: flags & 1 != 0,
                         combiningMarksWhitelisted: flags & 2 != 0,
                         primary: fields[2].codePointSet, secondary: fields[3].codePointSet)
        }
        groupMembership = ENSGroupMembership(ENSTableText(T.groupMembership))
        var complements: [UInt32: [Int]] = [:]
        for record in ENSTableText(T.wholes).parts(";") {
            let fields = record.parts("|")
            let confused = fields[0].codePointSet
            for extent in fields.dropFirst() {
                let pieces = extent.parts(":")
                let complement = pieces[0].sequence.map { Int($0) }
                for codePoint in pieces[1].codePointSet.codePoints where confused.contains(codePoint) {
                    complements[codePoint] = complement
                }
            }
        }
        confusableComplements = complements
        uniqueNonConfusable = ENSTableText(T.uniqueNonConfusable).codePointSet
    }
}
