import SigilCore
import Testing

private let alice = try! Address(parsing: "0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF")
private let bob = try! Address(parsing: "0x6813Eb9362372EEF6200f3b1dbC3f819671cBA69")
private let token = try! Address(parsing: "0x1efF47bc3a10a45D4B230B5d10E37751FE6AA718")
private let ether: U256 = 1_000_000_000_000_000_000

private func transfer(to: Address? = alice, value: U256 = ether, chain: U256 = 1, data: [UInt8] = [],
                      gas: UInt64 = 21_000, maxFee: U256 = 10_000_000_000) -> TransactionRequest {
    TransactionRequest(type: .dynamicFee, chainId: chain, nonce: 0, to: to, value: value, data: data, gas: gas,
                       maxFeePerGas: maxFee, maxPriorityFeePerGas: 1)
}

private func rule(_ decision: PolicyDecision) -> String? {
    if case .refused(let rule, _) = decision { return rule }
    return nil
}

@Suite struct PolicyEngineTests {
    let empty = PolicyState()

    @Test func emptyPolicyAllowsPlainTransfersOnly() {
        let engine = PolicyEngine(policy: SigningPolicy())
        #expect(engine.evaluate(request: transfer(), state: empty) == .allowed)
        #expect(rule(engine.evaluate(request: transfer(to: nil, data: [0x60]), state: empty)) == "allowContractCreation")
        #expect(rule(engine.evaluateMessage()) == "allowMessages")
        #expect(PolicyEngine(policy: SigningPolicy(allowMessages: true)).evaluateMessage() == .allowed)
        #expect(PolicyEngine(policy: SigningPolicy(allowContractCreation: true))
            .evaluate(request: transfer(to: nil, data: [0x60]), state: empty) == .allowed)
    }

    @Test func chainIds() {
        let engine = PolicyEngine(policy: SigningPolicy(chainIds: [1, 10]))
        #expect(engine.evaluate(request: transfer(chain: 10), state: empty) == .allowed)
        #expect(rule(engine.evaluate(request: transfer(chain: 5), state: empty)) == "chainIds")
    }

    @Test func recipientsAndContracts() {
        let engine = PolicyEngine(policy: SigningPolicy(recipients: [alice], contracts: [token]))
        #expect(engine.evaluate(request: transfer(to: alice), state: empty) == .allowed)
        #expect(rule(engine.evaluate(request: transfer(to: bob), state: empty)) == "recipients")
        // A call goes to a contract, checked against `contracts`, not `recipients`.
        #expect(rule(engine.evaluate(request: transfer(to: alice, data: [1, 2, 3, 4]), state: empty)) == "contracts")
        #expect(engine.evaluate(request: transfer(to: token, value: 0, data: [1, 2, 3, 4]), state: empty) == .allowed)
    }

    /// Without `contracts`, `recipients` bounds the `to` of every call: call data, even one
    /// byte or an unknown selector, does not get a transaction past it.
    @Test func recipientsBoundCallsWhenContractsIsAbsent() {
        let engine = PolicyEngine(policy: SigningPolicy(recipients: [alice]))
        for data: [UInt8] in [[0], [1, 2, 3, 4], [0xde, 0xad, 0xbe, 0xef, 0, 1]] {
            let decision = engine.evaluate(request: transfer(to: bob, data: data), state: empty)
            #expect(rule(decision) == "recipients", "\(data)")
            #expect(decision.description.contains(bob.checksummed))
        }
        #expect(engine.evaluate(request: transfer(to: alice, data: [1, 2, 3, 4]), state: empty) == .allowed)
        // An ERC-20 call: the token contract and the token recipient must both be listed.
        let toAlice = ERC20Call.transfer(recipient: alice, amount: 5).encoded
        let toBob = ERC20Call.transfer(recipient: bob, amount: 5).encoded
        #expect(rule(engine.evaluate(request: transfer(to: token, value: 0, data: toAlice), state: empty)) == "recipients")
        let withToken = PolicyEngine(policy: SigningPolicy(recipients: [alice, token]))
        #expect(withToken.evaluate(request: transfer(to: token, value: 0, data: toAlice), state: empty) == .allowed)
        let refused = withToken.evaluate(request: transfer(to: token, value: 0, data: toBob), state: empty)
        #expect(rule(refused) == "recipients")
        #expect(refused.description.contains("token recipient \(bob.checksummed)"))
        // With `contracts`, a call's `to` is checked there instead.
        let both = PolicyEngine(policy: SigningPolicy(recipients: [alice], contracts: [bob]))
        #expect(both.evaluate(request: transfer(to: bob, data: [1, 2, 3, 4]), state: empty) == .allowed)
    }

    @Test func erc20RecipientMustBeAllowed() {
        let engine = PolicyEngine(policy: SigningPolicy(recipients: [alice], contracts: [token]))
        for call in [ERC20Call.transfer(recipient: alice, amount: 5), .approve(spender: alice, amount: .max),
                     .transferFrom(owner: bob, recipient: alice, amount: 5)] {
            #expect(engine.evaluate(request: transfer(to: token, value: 0, data: call.encoded), state: empty) == .allowed)
        }
        for call in [ERC20Call.transfer(recipient: bob, amount: 5), .approve(spender: bob, amount: 1),
                     .transferFrom(owner: alice, recipient: bob, amount: 5)] {
            let decision = engine.evaluate(request: transfer(to: token, value: 0, data: call.encoded), state: empty)
            #expect(rule(decision) == "recipients", "\(call)")
            #expect(decision.description.contains(bob.checksummed))
        }
        // The token contract itself must be listed.
        let other = transfer(to: bob, value: 0, data: ERC20Call.transfer(recipient: alice, amount: 5).encoded)
        #expect(rule(engine.evaluate(request: other, state: empty)) == "contracts")
        // A malformed ERC-20 call cannot have its recipient checked.
        let malformed = ERC20Call.transfer(recipient: alice, amount: 5).encoded + [0]
        #expect(rule(engine.evaluate(request: transfer(to: token, value: 0, data: malformed), state: empty)) == "recipients")
    }

    @Test func selectors() {
        let engine = PolicyEngine(policy: SigningPolicy(selectors: [[0xa9, 0x05, 0x9c, 0xbb]]))
        let ok = ERC20Call.transfer(recipient: bob, amount: 1).encoded
        #expect(engine.evaluate(request: transfer(to: token, data: ok), state: empty) == .allowed)
        let approve = ERC20Call.approve(spender: bob, amount: 1).encoded
        let decision = engine.evaluate(request: transfer(to: token, data: approve), state: empty)
        #expect(rule(decision) == "selectors")
        #expect(decision.description.contains("0x095ea7b3"))
        #expect(rule(engine.evaluate(request: transfer(to: token, data: [0xa9, 0x05]), state: empty)) == "selectors")
        // Plain transfers have no selector and are not affected.
        #expect(engine.evaluate(request: transfer(), state: empty) == .allowed)
    }

    @Test func maxValue() {
        let engine = PolicyEngine(policy: SigningPolicy(maxValueWei: ether))
        #expect(engine.evaluate(request: transfer(value: ether), state: empty) == .allowed)
        let decision = engine.evaluate(request: transfer(value: ether * 2), state: empty)
        #expect(decision.description == "refused by policy rule maxValueWei: value 2 ether exceeds 1 ether")
        #expect(decision.refusal?.category == .refusedByPolicy)
    }

    @Test func maxFeeCap() {
        // 21,000 gas × 10 gwei = 0.00021 ether.
        let engine = PolicyEngine(policy: SigningPolicy(maxFeeCapWei: 210_000_000_000_000))
        #expect(engine.evaluate(request: transfer(), state: empty) == .allowed)
        #expect(rule(engine.evaluate(request: transfer(maxFee: 10_000_000_001), state: empty)) == "maxFeeCapWei")
        var legacy = TransactionRequest(type: .legacy, chainId: 1, nonce: 0, to: alice, value: 0, gas: 21_000, gasPrice: 20_000_000_000)
        #expect(rule(engine.evaluate(request: legacy, state: empty)) == "maxFeeCapWei")
        legacy.gasPrice = 10_000_000_000
        #expect(engine.evaluate(request: legacy, state: empty) == .allowed)
        #expect(rule(engine.evaluate(request: transfer(maxFee: .max), state: empty)) == "maxFeeCapWei")
    }

    @Test func authorizationsNeedPermission() throws {
        let auth = Authorization(chainId: 1, address: bob, nonce: 0)
        var raw = [UInt8](repeating: 0, count: 31) + [1]
        let signed = try PrivateKey(secret: SecureBytes(consuming: &raw)).sign(auth)
        let request = TransactionRequest(type: .setCode, chainId: 1, nonce: 0, to: alice, value: 0, gas: 60_000,
                                         maxFeePerGas: 1, maxPriorityFeePerGas: 1, authorizationList: [signed])
        #expect(rule(PolicyEngine(policy: SigningPolicy()).evaluate(request: request, state: empty)) == "allowAuthorizations")
        #expect(PolicyEngine(policy: SigningPolicy(allowAuthorizations: true)).evaluate(request: request, state: empty) == .allowed)
    }
}
