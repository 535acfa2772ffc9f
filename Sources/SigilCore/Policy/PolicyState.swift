/// The running total for `maxDailyValueWei`: the wei value signed on one UTC day.
public struct PolicyState: Sendable, Equatable {
    /// The UTC day (days since 1970-01-01) that `spentWei` belongs to.
    public var day: Int64
    /// The sum of the values signed on `day`.
    public var spentWei: U256

    public init(day: Int64 = 0, spentWei: U256 = .zero) {
        self.day = day
        self.spentWei = spentWei
    }

    /// What was signed on `today`: zero once the day has changed.
    public func spent(onDay today: Int64) -> U256 { day == today ? spentWei : .zero }

    /// The UTC day of a Unix time.
    public static func day(of unixSeconds: Int64) -> Int64 {
        unixSeconds >= 0 ? unixSeconds / 86_400 : (unixSeconds - 86_399) / 86_400
    }

    /// `{"day": "19700", "spentWei": "..."}`.
    public var json: JSONValue {
        .object([("day", .string(String(day))), ("spentWei", .string(spentWei.decimalString))])
    }

    /// Reads the state file's JSON; strict like every file the signer reads.
    public init(json: JSONValue) throws(PolicyError) {
        guard case .object(let members) = json, members.count == 2,
              case .string(let dayText)? = json["day"], let day = Int64(dayText),
              case .string(let spentText)? = json["spentWei"], let spent = try? U256(decimal: spentText) else {
            throw PolicyError("the signer's daily state file is malformed; restore it or remove it deliberately")
        }
        self.init(day: day, spentWei: spent)
    }
}
