import SigilCore
import SigilTestSupport
import Testing

@Suite("TransactionPreview")
struct TransactionPreviewTests {
    private let token = try! Address(parsing: "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48")
    private let recipient = try! Address(parsing: "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf")

    private func request(to: Address?, value: U256 = 0, data: [UInt8] = [], chainId: U256 = 1) -> TransactionRequest {
        TransactionRequest(type: .dynamicFee, chainId: chainId, nonce: 9, to: to, value: value, data: data, gas: 60_000,
                           maxFeePerGas: 30_000_000_000, maxPriorityFeePerGas: 1_500_000_000)
    }

    private func value(_ preview: TransactionPreview, _ label: String) -> String? {
        preview.lines.first { $0.label == label }?.value
    }

    @Test func plainTransfer() {
        let preview = TransactionPreview(request(to: recipient, value: 1_500_000_000_000_000_000))
        #expect(value(preview, "Type") == "EIP-1559 dynamic fee (0x02)")
        #expect(value(preview, "Chain") == "Ethereum mainnet (1)")
        #expect(value(preview, "To") == "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf")
        #expect(value(preview, "Value") == "1.5 ether")
        #expect(value(preview, "Call") == "none")
        #expect(value(preview, "Gas limit") == "60000")
        #expect(value(preview, "Max fee per gas") == "30 gwei")
        #expect(value(preview, "Priority fee") == "1.5 gwei")
        #expect(value(preview, "Fee cap") == "0.0018 ether (gas limit × max fee)")
        #expect(value(preview, "Max total") == "1.5018 ether (value + fee cap)")
        #expect(value(preview, "Nonce") == "9")
        #expect(preview.warnings.isEmpty)
        #expect(preview.json["valueEther"] == .string("1.5"))
        #expect(preview.json["feeCapWei"] == .string("1800000000000000"))
        #expect(preview.text.contains("Value:           1.5 ether"))
    }

    @Test func erc20Transfer() {
        let data = ERC20Call.transfer(recipient: recipient, amount: 2_500_000).encoded
        #expect(data.hexString == "0xa9059cbb0000000000000000000000007e5f4552091a69125d5dfcb7b8c2659029395bdf" + "00000000000000000000000000000000000000000000000000000000002625a0")
        let preview = TransactionPreview(request(to: token, data: data))
        #expect(value(preview, "Call") == "ERC-20 transfer: token 0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48, recipient 0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf, amount 2500000 (token units)")
        #expect(preview.json["call"]?["kind"] == .string("erc20-transfer"))
        #expect(preview.json["call"]?["amount"] == .string("2500000"))
        #expect(preview.warnings.isEmpty)
        // A dirty address word or a trailing byte is not a transfer.
        var dirty = data
        dirty[4] = 1
        let malformed = TransactionPreview(request(to: token, data: dirty))
        #expect(value(malformed, "Call") == "malformed ERC-20 transfer call, selector 0xa9059cbb, 68 bytes")
        #expect(malformed.warnings == ["call data has the ERC-20 transfer selector but is not a well-formed transfer call",
                                       TransactionPreview.undecodedWarning])
        #expect(ERC20Call(data: data + [0]) == nil)
    }

    @Test func transferFromAndApprove() {
        let owner = Address.zero
        let from = TransactionPreview(request(to: token, data: ERC20Call.transferFrom(owner: owner, recipient: recipient, amount: 7).encoded))
        #expect(value(from, "Call") == "ERC-20 transferFrom: token \(token), from \(owner), recipient \(recipient), amount 7 (token units)")
        let limited = TransactionPreview(request(to: token, data: ERC20Call.approve(spender: recipient, amount: 10).encoded))
        #expect(limited.warnings.isEmpty)
        let unlimited = TransactionPreview(request(to: token, data: ERC20Call.approve(spender: recipient, amount: .max).encoded))
        #expect(value(unlimited, "Call") == "ERC-20 approve: token \(token), spender \(recipient), amount unlimited (2^256-1) (token units)")
        #expect(unlimited.warnings == ["unlimited ERC-20 approval: \(recipient) may move all of this token (\(token)) from the sender"])
    }

    @Test func unknownCallUnknownChainAndCreation() {
        let preview = TransactionPreview(request(to: recipient, data: [0xde, 0xad, 0xbe, 0xef, 1], chainId: 999_999))
        #expect(value(preview, "Chain") == "unknown chain 999999")
        #expect(value(preview, "Call") == "unknown call, selector 0xdeadbeef, 5 bytes")
        #expect(value(preview, "Data") == "0xdeadbeef\n01")
        #expect(preview.warnings == ["chain id 999999 is not a known chain; make sure it is the chain you mean",
                                     TransactionPreview.undecodedWarning])
        let creation = TransactionPreview(request(to: nil, data: [0x60, 0x00], chainId: 11_155_111))
        #expect(value(creation, "Chain") == "Sepolia (11155111)")
        #expect(value(creation, "To") == "contract creation")
        #expect(value(creation, "Code hash") == Keccak256.hash([0x60, 0x00]).hexString + " (keccak256 of the init code)")
        #expect(creation.warnings == ["contract creation: this transaction deploys code and has no recipient"])
        let decoded = TransactionPreview(request(to: recipient, data: [1, 2, 3, 4]), callDecoder: { _ in [("Function", "f()")] })
        #expect(value(decoded, "Function") == "f()")
        #expect(value(decoded, "Call") == "selector 0x01020304, 4 bytes")
    }

    /// Call data that is not decoded is shown whole: the selector, then one 32-byte word a line,
    /// the last one short; the text indents the continuation lines under the first.
    @Test func undecodedCallDataIsShownInFull() {
        let words = (0..<2).map { word in [UInt8]((0..<32).map { UInt8(word * 32 + $0) }) }
        let data: [UInt8] = [0x12, 0x34, 0x56, 0x78] + words[0] + words[1] + [0xaa, 0xbb, 0xcc]
        let preview = TransactionPreview(request(to: recipient, data: data), callDecoder: nil)
        let shown = value(preview, "Data")
        #expect(shown == ["0x12345678", Hex.encode(words[0], prefix: false), Hex.encode(words[1], prefix: false), "aabbcc"]
            .joined(separator: "\n"))
        #expect(shown?.replacingOccurrences(of: "\n", with: "") == data.hexString)
        #expect(preview.warnings == [TransactionPreview.undecodedWarning])
        #expect(preview.json["call"]?["data"] == .string(data.hexString))
        let width = preview.lines.map(\.label.count).max()!
        #expect(preview.text.contains("Data:" + String(repeating: " ", count: width - 3) + "0x12345678\n"
            + String(repeating: " ", count: width + 2) + Hex.encode(words[0], prefix: false) + "\n"))
        // Short data without a selector, and a malformed ERC-20 call, are shown whole as well.
        #expect(value(TransactionPreview(request(to: recipient, data: [0xab, 0xcd])), "Data") == "0xabcd")
        var dirty = ERC20Call.transfer(recipient: recipient, amount: 1).encoded
        dirty[4] = 1
        let malformed = TransactionPreview(request(to: token, data: dirty))
        #expect(value(malformed, "Data")?.replacingOccurrences(of: "\n", with: "") == dirty.hexString)
        #expect(malformed.warnings.contains(TransactionPreview.undecodedWarning))
        // A decoded call does not carry the warning.
        let decoded = TransactionPreview(request(to: recipient, data: [1, 2, 3, 4]), callDecoder: { _ in [("Function", "f()")] })
        #expect(value(decoded, "Data") == nil && decoded.warnings.isEmpty)
    }

    @Test func accessListEntriesAndBlobHashesAreListed() throws {
        let key1 = [UInt8](repeating: 0, count: 31) + [1]
        let key2 = [UInt8](repeating: 0xee, count: 32)
        var listed = request(to: recipient)
        listed.accessList = AccessList([AccessList.Entry(address: token, storageKeys: [key1, key2]),
                                        AccessList.Entry(address: recipient, storageKeys: [])])
        let preview = TransactionPreview(listed)
        #expect(value(preview, "Access list") == "2 address(es), 2 storage key(s)")
        #expect(value(preview, "Access 1") == "\(token)\nstorage key \(key1.hexString)\nstorage key \(key2.hexString)")
        #expect(value(preview, "Access 2") == recipient.checksummed)
        #expect(preview.json["accessList"]?.arrayValue?.first?["storageKeys"] == .array([.string(key1.hexString), .string(key2.hexString)]))

        var blob = request(to: recipient)
        blob.type = .blob
        blob.maxFeePerBlobGas = 1
        let hashes = [[0x01] + [UInt8](repeating: 0xab, count: 31), [0x01] + [UInt8](repeating: 0xcd, count: 31)]
        blob.blobVersionedHashes = hashes
        let blobPreview = TransactionPreview(blob)
        #expect(value(blobPreview, "Blob hash 1") == hashes[0].hexString)
        #expect(value(blobPreview, "Blob hash 2") == hashes[1].hexString)
        #expect(blobPreview.json["blobVersionedHashes"] == .array(hashes.map { .string($0.hexString) }))
    }

    @Test func fromIsTheSignerWhenTheRequestDoesNotStateIt() {
        let unstated = TransactionPreview(request(to: recipient), signer: token)
        #expect(value(unstated, "From") == "\(token) (the signing key; the request does not state it)")
        #expect(unstated.json["from"] == .string(token.checksummed))
        var stated = request(to: recipient)
        stated.from = token
        #expect(value(TransactionPreview(stated, signer: token), "From") == token.checksummed)
        #expect(value(TransactionPreview(request(to: recipient)), "From") == "not stated in the request")
    }

    @Test func legacyWithoutChainId() {
        let legacy = TransactionRequest(type: .legacy, chainId: nil, nonce: 0, to: recipient, value: 1, gas: 21_000, gasPrice: 2_000_000_000)
        let preview = TransactionPreview(legacy)
        #expect(value(preview, "Gas price") == "2 gwei")
        #expect(value(preview, "Fee cap") == "0.000042 ether (gas limit × gas price)")
        #expect(preview.warnings == ["legacy transaction without chain id: it can be replayed on every chain"])
    }

    @Test func authorizations() throws {
        var secret = Array("0x0000000000000000000000000000000000000000000000000000000000000001".utf8)
        let key = try PrivateKey(parsing: SecureBytes(consuming: &secret))
        #expect(key.address.checksummed == "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf")
        let delegate = try Address(parsing: "0x00000000000000000000000000000000000000aa")
        let anyChain = Authorization(chainId: 0, address: delegate, nonce: 3)
        let mainnet = Authorization(chainId: 1, address: delegate, nonce: 4)
        var request = request(to: recipient)
        request.type = .setCode
        request.authorizationList = [
            SignedAuthorization(authorization: mainnet, signature: try key.sign(digest: mainnet.signingHash())),
            SignedAuthorization(authorization: anyChain, signature: try key.sign(digest: anyChain.signingHash())),
            SignedAuthorization(authorization: mainnet, yParity: 0, r: 0, s: 1),
        ]
        let preview = TransactionPreview(request)
        #expect(value(preview, "Authorizations") == "3")
        #expect(value(preview, "Authorization 1") == "chain Ethereum mainnet (1), delegate \(delegate), nonce 4, authority 0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf")
        #expect(value(preview, "Authorization 2") == "chain any chain (0), delegate \(delegate), nonce 3, authority 0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf")
        #expect(value(preview, "Authorization 3")?.hasPrefix("chain Ethereum mainnet (1), delegate \(delegate), nonce 4, invalid signature (") == true)
        #expect(preview.warnings.count == 2)
        #expect(preview.warnings.contains("authorization 2 has chain id 0: it is valid on every chain"))
        #expect(preview.warnings.contains { $0.hasPrefix("authorization 3 has an invalid signature: ") })
        #expect(preview.json["authorizations"]?.arrayValue?.first?["authority"] == .string("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf"))
    }

    @Test func chainNames() {
        #expect(ChainNames.describe(1) == "Ethereum mainnet (1)")
        #expect(ChainNames.describe(560_048) == "Hoodi (560048)")
        #expect(ChainNames.describe(31_337) == "local development chain (31337)")
        #expect(ChainNames.name(of: U256.max) == nil)
        #expect(Set(ChainNames.table.map(\.id)).count == ChainNames.table.count)
    }
}
