import Foundation

/// A compiled test contract (Tests/Support/contracts/<name>.vy; artifact in contracts/build).
public enum TestContract: String, CaseIterable, Sendable {
    case sigilToken = "SigilToken"
    case reverter = "Reverter"
    case wallet1271 = "Wallet1271"
    case walletFactory = "WalletFactory"
    case ensRegistry = "ENSRegistry"
    case publicResolver = "PublicResolver"

    /// The artifact's name and the source's base name.
    public var name: String { rawValue }
}

/// The test contracts on a dev node: deployed and called by real transactions the node signs
/// (devnode_deployArtifact, devnode_sendCall, devnode_ensRegister; see
/// Tests/Support/contracts/README.md). Arguments are JSON values: addresses and strings as
/// strings, integers as `Int` or decimal/0x-hex strings, bytes as 0x-hex, booleans as `Bool`.
///
///     let node = try DevNode()
///     let token = try TestContracts.deploy(.sigilToken, on: node, args: ["Sigil Token", "SGL", 18, "1000000", holder])
///     let ens = try TestContracts.ens(on: node)
///     try TestContracts.register("alice.eth", to: holder, on: node)
public enum TestContracts {
    /// Who signs: the node's own deployer (`nil`, a funded account that is not one of the dev
    /// keys, so their nonces stay as they were) or dev key 1...10 (private key 0x…01...0x…0a).
    public typealias Signer = Int?

    /// The address of dev key 0x…01, the usual holder in tests.
    public static let devKey1Address = "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf"

    /// Tests/Support/contracts/build, where the committed artifacts are.
    public static var buildDirectory: URL {
        TestEnvironment.packageRoot.appendingPathComponent("Tests/Support/contracts/build")
    }

    /// The artifact of `contract`: `abi`, `bytecode`, `deployedBytecode`, `methodIdentifiers`,
    /// `compiler`, `sourceSha256`.
    public static func artifact(_ contract: TestContract) throws -> [String: Any] {
        let url = buildDirectory.appendingPathComponent("\(contract.name).json")
        guard let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] else {
            throw DevNode.Failure(description: "\(url.path): not a JSON object")
        }
        return object
    }

    /// The artifact's ABI as JSON text (what `--abi FILE` options read).
    public static func abiJSON(_ contract: TestContract) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: artifact(contract)["abi"] ?? [], options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// One deployment: the contract's address, the creating transaction and its block.
    public struct Deployment: Sendable {
        public let address: String
        public let transactionHash: String
        public let blockNumber: Int
    }

    /// Deploys `contract` with constructor `args` (or one 0x-hex string: the encoded arguments).
    public static func deployment(
        _ contract: TestContract, on node: DevNode, args: [Any] = [], from signer: Signer = nil
    ) throws -> Deployment {
        var options: [String: Any] = [:]
        if let signer { options["from"] = signer }
        guard let answer = try node.rpc("devnode_deployArtifact", [contract.name, args, options]) as? [String: Any],
              let address = answer["address"] as? String, let hash = answer["transactionHash"] as? String,
              let number = (answer["blockNumber"] as? String).flatMap({ Int($0.dropFirst(2), radix: 16) })
        else { throw DevNode.Failure(description: "devnode_deployArtifact \(contract.name): unexpected answer") }
        return Deployment(address: address, transactionHash: hash, blockNumber: number)
    }

    /// Deploys `contract` and returns its (checksummed) address.
    public static func deploy(
        _ contract: TestContract, on node: DevNode, args: [Any] = [], from signer: Signer = nil
    ) throws -> String {
        try deployment(contract, on: node, args: args, from: signer).address
    }

    /// A SigilToken ("Sigil Token", "SGL") whose `supply` (base units, decimal) belongs to
    /// `holder`; the minter is the signer.
    public static func token(
        on node: DevNode, decimals: Int = 18, supply: String = "1000000000000000000000000",
        holder: String = devKey1Address, from signer: Signer = nil
    ) throws -> String {
        try deploy(.sigilToken, on: node, args: ["Sigil Token", "SGL", decimals, supply, holder], from: signer)
    }

    /// A WalletFactory holding Wallet1271's creation code (for counterfactual wallets).
    public static func walletFactory(on node: DevNode) throws -> String {
        let code = try artifact(.wallet1271)["bytecode"] as? String ?? ""
        return try deploy(.walletFactory, on: node, args: [code])
    }

    /// Sends a real transaction calling `function` (a name, or a signature for overloads) of the
    /// `contract` at `address`; returns the receipt. Without `gas` it is estimated and a revert
    /// throws; with `gas` a reverting call is mined with status 0x0.
    @discardableResult
    public static func send(
        _ function: String, of contract: TestContract, at address: String, args: [Any] = [],
        on node: DevNode, from signer: Signer = nil, value: String? = nil, gas: Int? = nil
    ) throws -> [String: Any] {
        var request: [String: Any] = ["to": address, "contract": contract.name, "function": function, "args": args]
        if let signer { request["from"] = signer }
        if let value { request["value"] = value }
        if let gas { request["gas"] = "0x" + String(gas, radix: 16) }
        guard let receipt = try node.rpc("devnode_sendCall", [request]) as? [String: Any] else {
            throw DevNode.Failure(description: "devnode_sendCall \(function): unexpected answer")
        }
        return receipt
    }

    /// The calldata of `function(args)` (0x-hex), encoded by eth-abi from the artifact's ABI.
    public static func calldata(_ function: String, of contract: TestContract, args: [Any] = [], on node: DevNode) throws -> String {
        guard let data = try node.rpc("devnode_encodeCall", [contract.name, function, args]) as? String else {
            throw DevNode.Failure(description: "devnode_encodeCall \(function): unexpected answer")
        }
        return data
    }

    /// eth_call of a view function; every output decoded as plain JSON (integers as decimal
    /// strings, bytes as 0x-hex, addresses checksummed).
    public static func call(
        _ function: String, of contract: TestContract, at address: String, args: [Any] = [], on node: DevNode
    ) throws -> [Any] {
        guard let values = try node.rpc("devnode_callContract", [address, contract.name, function, args]) as? [Any] else {
            throw DevNode.Failure(description: "devnode_callContract \(function): unexpected answer")
        }
        return values
    }

    /// The outcome of a raw eth_call: the output, or the error's code, message and revert data.
    public enum CallOutcome: Sendable, Equatable {
        case returned(String)
        case failed(code: Int, message: String, data: String?)
    }

    /// eth_call `{to, data}` at the latest block, keeping a revert's data (DevNode.rpc drops it).
    public static func ethCall(to address: String, data: String, from: String? = nil, on node: DevNode) throws -> CallOutcome {
        var call: [String: Any] = ["to": address, "data": data]
        if let from { call["from"] = from }
        let request: [String: Any] = ["jsonrpc": "2.0", "id": 1, "method": "eth_call", "params": [call, "latest"]]
        let body = String(decoding: try JSONSerialization.data(withJSONObject: request), as: UTF8.self)
        let answer = try node.post(body)
        guard let object = try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any] else {
            throw DevNode.Failure(description: "eth_call: not a JSON-RPC answer: \(answer.body)")
        }
        if let error = object["error"] as? [String: Any] {
            return .failed(code: error["code"] as? Int ?? 0, message: error["message"] as? String ?? "",
                           data: error["data"] as? String)
        }
        return .returned(object["result"] as? String ?? "")
    }

    /// The test ENS registry and public resolver of a node.
    public struct ENS: Sendable {
        public let registry: String
        public let resolver: String
    }

    /// Deploys the ENS registry (the node's deployer owns the root) and resolver, once per node.
    public static func ens(on node: DevNode) throws -> ENS {
        guard let answer = try node.rpc("devnode_deployENS", []) as? [String: Any],
              let registry = answer["registry"] as? String, let resolver = answer["resolver"] as? String
        else { throw DevNode.Failure(description: "devnode_deployENS: unexpected answer") }
        return ENS(registry: registry, resolver: resolver)
    }

    /// A registered name: its node (namehash) and, with a reverse record, the reverse node.
    public struct Registration: Sendable {
        public let ens: ENS
        public let node: String
        public let reverseNode: String?
        public let owner: String
    }

    /// Registers `name` (normalized already, e.g. "alice.eth") → `address` on the node's test
    /// ENS (deployed if needed) and, with `withReverse`, the reverse record
    /// `<address hex>.addr.reverse` → `name`. Both belong to `owner` (default: `address`).
    @discardableResult
    public static func register(
        _ name: String, to address: String, withReverse: Bool = true, owner: String? = nil, on node: DevNode
    ) throws -> Registration {
        var params: [Any] = [name, address, withReverse]
        if let owner { params.append(owner) }
        guard let answer = try node.rpc("devnode_ensRegister", params) as? [String: Any],
              let registry = answer["registry"] as? String, let resolver = answer["resolver"] as? String,
              let nameNode = answer["node"] as? String, let owner = answer["owner"] as? String
        else { throw DevNode.Failure(description: "devnode_ensRegister \(name): unexpected answer") }
        return Registration(ens: ENS(registry: registry, resolver: resolver), node: nameNode,
                            reverseNode: answer["reverseNode"] as? String, owner: owner)
    }
}
