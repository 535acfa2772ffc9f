import ArgumentParser
import SigilCLI
import SigilCore

struct UnitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units",
        abstract: "Convert an amount between wei, gwei and ether, or a token amount and its base units, exactly.",
        discussion: """
        The amount is a decimal number followed by a unit (wei, kwei, mwei, gwei, szabo, finney, \
        ether), written together (1.5ether) or apart (1.5 ether); a bare integer or a 0x quantity \
        is wei. No floating point is involved: more decimals than the unit allows, negative \
        amounts (-1ether is read as an amount, not as an option: exit 65) and values above \
        2^256-1 wei are errors.

        With --decimals N (a token's decimals(), 0-255) the amount is a plain decimal token \
        amount without a unit (1.5 with 6 decimals is 1500000 base units); with --from-base \
        it is an integer of base units (decimal or 0x) shown as a token amount. --to base or \
        --to amount prints only one of the two.

        Examples:
          sigil units 1.5ether
          sigil units 1.5 ether --to wei
          sigil units 30gwei --to wei
          sigil units 0x2386f26fc10000 --to ether
          sigil units 12wei --json
          sigil units 1.5 --decimals 6                 # 1500000 base units
          sigil units 1500000 --decimals 6 --from-base # 1.5
          sigil units 1.5 --decimals 6 --to base
        """
    )

    /// Unrecognized input is taken as the amount, so that "-1ether" is an amount (refused as
    /// negative), not an unknown option.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The amount, e.g. 1.5ether, 30gwei, 12wei, or 1.5 ether.", valueName: "amount"))
    var words: [String] = []

    @Option(name: .long, help: ArgumentHelp("Print only the amount in this unit.", valueName: "unit"),
            completion: .list(EtherUnit.allCases.map(\.rawValue)))
    var to: String?

    @Option(name: .long, help: ArgumentHelp("A token's number of decimals: the amount is a token amount, not ether.", valueName: "n"))
    var decimals: Int?

    @Flag(name: .customLong("from-base"), help: "With --decimals: the amount is in base units (the token's smallest unit).")
    var fromBase = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if fromBase && decimals == nil { throw ValidationError("--from-base needs --decimals") }
        if let decimals, !(0...255).contains(decimals) { throw ValidationError("--decimals must be 0 to 255, got \(decimals)") }
        try PositionalValues.refuseOptions(words)
        guard (1...2).contains(PositionalValues.values(words).count) else {
            throw ValidationError(PositionalValues.values(words).isEmpty ? "give an amount, e.g. 1.5ether or 1.5 ether" : "give one amount: a number and its unit, e.g. 1.5 ether")
        }
    }

    func run() throws {
        if let decimals { return try runToken(decimals: decimals) }
        let amount = PositionalValues.values(words).joined()
        let wei = try amount.hasPrefix("0x") ? U256(hexQuantity: amount) : Amount.parse(amount, defaultUnit: .wei)
        if let to {
            guard let unit = EtherUnit(name: to) else {
                throw CommandFailure(.usage, "unknown unit '\(to)' for --to (expected \(EtherUnit.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let value = Amount.format(wei, as: unit)
            output.emit(line: value, json: .object([("value", .string(value)), ("unit", .string(unit.rawValue))]))
            return
        }
        let shown: [EtherUnit] = [.wei, .gwei, .ether]
        output.emit(
            shown.map { ($0.rawValue, Amount.format(wei, as: $0)) },
            json: .object(shown.map { ($0.rawValue, .string(Amount.format(wei, as: $0))) })
        )
    }

    /// A token amount and its base units, in one direction or the other.
    private func runToken(decimals: Int) throws {
        let amount = PositionalValues.values(words).joined(separator: " ")
        let base = try !fromBase ? Amount.parse(amount, decimals: decimals)
            : amount.hasPrefix("0x") ? U256(hexQuantity: amount) : U256(decimal: amount)
        let formatted = Amount.format(base, decimals: decimals)
        if let to {
            guard to == "base" || to == "amount" else {
                throw CommandFailure(.usage, "unknown --to '\(to)' with --decimals (expected base or amount)")
            }
            let value = to == "base" ? base.decimalString : formatted
            output.emit(line: value, json: .object([("value", .string(value)), ("unit", .string(to))]))
            return
        }
        output.emit([("base", base.decimalString), ("amount", formatted)], json: .object([
            ("base", .string(base.decimalString)), ("amount", .string(formatted)), ("decimals", .integer(decimals)),
        ]))
    }
}
