import Foundation
import Testing
import SigilCore
import SigilNet
import SigilTestSupport

/// ENSResolver against the ENS registry and public resolver deployed on the dev node
/// (Tests/Support/contracts: the real ENS function signatures), filled by real transactions.
@Suite(.serialized, .enabled(if: TestEnvironment.oraclesEnabled)) struct ENSResolverTests {
    let node: DevNode
    let resolver: ENSResolver
    let alice = try! NetTestSupport.key(1).address
    let carol = try! NetTestSupport.key(3).address

    init() throws {
        node = try DevNode()
        let ens = try TestContracts.ens(on: node)
        resolver = ENSResolver(reader: NodeReader(client: JSONRPCClient(url: node.url, timeout: 10)),
                               registry: try Address(parsing: ens.registry))
    }

    @Test func resolvesANameAndItsReverseRecord() throws {
        let registration = try TestContracts.register("alice.eth", to: alice.checksummed, on: node)
        let resolution = try resolver.resolve("alice.eth")
        #expect(resolution.address == alice)
        #expect(resolution.name == "alice.eth")
        #expect(resolution.node.hexString == registration.node)   // our namehash = the registry's node
        #expect(resolution.resolver == (try Address(parsing: registration.ens.resolver)))
        // Names are normalized before hashing: upper case resolves to the same record.
        #expect(try resolver.resolve("ALICE.eth").address == alice)
        #expect(try resolver.lookup(alice) == .verified(name: "alice.eth"))
        #expect(throws: Never.self) { try resolver.checkReverse(resolution) }
        #expect(ENSName.namehash(ENSResolver.reverseName(of: alice)).hexString == registration.reverseNode)
    }

    @Test func aNameThatResolvesToNothingIsNotFoundAndNamed() throws {
        _ = try TestContracts.register("alice.eth", to: alice.checksummed, on: node)
        let error = try #require(throws: ENSError.self) { try resolver.resolve("nobody.eth") }
        #expect(error.category == .notFound)
        #expect(error.description.contains("'nobody.eth'"))
        // An address without a reverse record has no name.
        #expect(try resolver.lookup(carol) == .none)
    }

    @Test func aReverseRecordThatDoesNotResolveBackIsAMismatch() throws {
        // carol.eth first points at carol (with her reverse record), then at alice: carol's
        // reverse record still claims carol.eth, which no longer resolves to her.
        _ = try TestContracts.register("carol.eth", to: carol.checksummed, on: node)
        _ = try TestContracts.register("carol.eth", to: alice.checksummed, withReverse: false, owner: carol.checksummed, on: node)
        #expect(try resolver.lookup(carol) == .mismatch(claimed: "carol.eth", resolvesTo: alice))
        #expect(try resolver.lookup(carol).name == nil)
        // Forward then reverse: carol.eth → alice, whose reverse record does not name carol.eth.
        let resolution = try resolver.resolve("carol.eth")
        let error = try #require(throws: ENSError.self) { try resolver.checkReverse(resolution) }
        #expect(error.category == .verificationFailed)
    }

    @Test func aRegistryAddressWithoutCodeIsAnErrorNotAnEmptyName() throws {
        let empty = ENSResolver(reader: resolver.reader, registry: carol)
        let error = try #require(throws: ENSError.self) { try empty.resolve("alice.eth") }
        #expect(error.description.contains(carol.checksummed))
    }
}
