import ArgumentParser
import SigilCLI
import SigilCore

struct SignAuthorizationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authorization",
        abstract: "Sign an EIP-7702 authorization: delegate this account's code to a contract.",
        discussion: """
        The authorization lets ADDRESS's code run for your account on chain --chain-id while your \
        account's nonce equals --nonce. Chain id 0 makes it valid on EVERY chain: it needs \
        --any-chain. Prints the signed tuple (JSON) for a type-4 transaction's authorizationList.

        Examples:
          sigil sign authorization 0x… --chain-id 1 --nonce 7 --from deployer
        """
    )

    @Argument(help: ArgumentHelp("The contract to delegate to.", valueName: "address"))
    var address: String

    @Option(name: .long, help: "Chain id the authorization is valid on (0 = every chain, needs --any-chain).")
    var chainId: String

    @Option(name: .long, help: "The authorizing account's nonce at the time the authorization is used.")
    var nonce: UInt64

    @Flag(name: .long, help: "Allow chain id 0 (valid on every chain).")
    var anyChain = false

    @OptionGroup var wallet: WalletOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let chain = try U256(parsing: chainId)
        if chain.isZero && !anyChain {
            throw CommandFailure(.usage, "chain id 0 makes the authorization valid on every chain: add --any-chain if you mean it")
        }
        let authorization = Authorization(chainId: chain, address: try AddressResolver.resolve(address), nonce: nonce)
        let signed = try wallet.makeSigner().sign(authorization)
        let json: JSONValue = .object([
            ("chainId", .string(chain.hexQuantity)),
            ("address", .string(authorization.address.checksummed)),
            ("nonce", .string(U256(nonce).hexQuantity)),
            ("yParity", .string(U256(UInt64(signed.yParity)).hexQuantity)),
            ("r", .string(signed.r.hexQuantity)),
            ("s", .string(signed.s.hexQuantity)),
            ("rlp", .string(signed.encoded.hexString)),
        ])
        output.emit(line: json.serialized(pretty: true), json: json)
    }
}
