import ArgumentParser
import SigilCLI
import SigilCore

struct AddressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "address",
        abstract: "Address utilities: EIP-55 checksum, CREATE and CREATE2 contract addresses.",
        subcommands: [AddressChecksumCommand.self, AddressComputeCommand.self]
    )
}

struct AddressChecksumCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checksum",
        abstract: "Write an address with its EIP-55 checksum (mixed case).",
        discussion: """
        An all-lowercase or all-uppercase address is accepted as it is; a mixed-case one must \
        already carry a correct checksum (exit 65 otherwise: a typo is likely).

        Examples:
          sigil address checksum 0x7e5f4552091a69125d5dfcb7b8c2659029395bdf
          sigil address checksum 0x7E5F4552091A69125D5DFCB7B8C2659029395BDF --json
        """
    )

    @Argument(help: ArgumentHelp("The address, 0x and 40 hex digits.", valueName: "address")) var address: String
    @OptionGroup var output: OutputOptions

    func run() throws {
        let parsed = try Address(parsing: address)
        output.emit(line: parsed.checksummed, json: .object([("address", .string(parsed.checksummed))]))
    }
}

struct AddressComputeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compute",
        abstract: "The address of a contract created with CREATE (deployer and nonce) or CREATE2.",
        discussion: """
        CREATE: the last 20 bytes of keccak256(rlp([deployer, nonce])), nonce being the \
        deployer's nonce when it creates the contract (a transaction's nonce for a deployment \
        from an account). CREATE2 (EIP-1014): the last 20 bytes of keccak256(0xff ++ deployer \
        ++ salt ++ keccak256(init code)), with a 32-byte salt and the init code or its hash.

        Examples:
          sigil address compute --deployer 0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf --nonce 0
          sigil address compute --create2 --deployer 0x0000000000000000000000000000000000000000 \\
              --salt 0x0000000000000000000000000000000000000000000000000000000000000000 --init-code 0x00
          sigil address compute --create2 --deployer 0x… --salt 0x… --init-code-hash 0x… --json
        """
    )

    @Option(name: .long, help: ArgumentHelp("The creating account or contract.", valueName: "address")) var deployer: String
    @Option(name: .long, help: ArgumentHelp("CREATE: the deployer's nonce at creation.", valueName: "n")) var nonce: UInt64?
    @Flag(name: .long, help: "Compute a CREATE2 address (needs --salt and --init-code or --init-code-hash).") var create2 = false
    @Option(name: .long, help: ArgumentHelp("CREATE2: the 32-byte salt, 0x-hex.", valueName: "salt")) var salt: String?
    @Option(name: .customLong("init-code"), help: ArgumentHelp("CREATE2: the init code, 0x-hex (- for standard input).", valueName: "code"))
    var initCode: String?
    @Option(name: .customLong("init-code-hash"), help: ArgumentHelp("CREATE2: keccak256 of the init code, 0x-hex.", valueName: "hash"))
    var initCodeHash: String?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if create2 {
            if nonce != nil { throw ValidationError("--nonce is for CREATE; CREATE2 does not depend on the nonce") }
            if salt == nil { throw ValidationError("--create2 needs --salt") }
            if (initCode == nil) == (initCodeHash == nil) { throw ValidationError("--create2 needs --init-code or --init-code-hash (one of them)") }
        } else {
            if salt != nil || initCode != nil || initCodeHash != nil { throw ValidationError("--salt, --init-code and --init-code-hash need --create2") }
            if nonce == nil { throw ValidationError("give --nonce (CREATE), or --create2 with --salt and the init code") }
        }
    }

    func run() throws {
        let deployerAddress = try Address(parsing: deployer)
        guard create2, let salt else {
            let address = ContractAddress.create(deployer: deployerAddress, nonce: nonce!)
            output.emit(line: address.checksummed, json: .object([
                ("address", .string(address.checksummed)), ("scheme", .string("create")),
                ("deployer", .string(deployerAddress.checksummed)), ("nonce", .string(String(nonce!))),
            ]))
            return
        }
        let saltBytes = try Hex.decode(salt, count: 32)
        let hash = try initCode.map { try Keccak256.hash(ByteInput.hex(from: $0)) } ?? Hex.decode(initCodeHash!, count: 32)
        let address = try ContractAddress.create2(deployer: deployerAddress, salt: saltBytes, initCodeHash: hash)
        output.emit(line: address.checksummed, json: .object([
            ("address", .string(address.checksummed)), ("scheme", .string("create2")),
            ("deployer", .string(deployerAddress.checksummed)), ("salt", .string(saltBytes.hexString)),
            ("initCodeHash", .string(hash.hexString)),
        ]))
    }
}
