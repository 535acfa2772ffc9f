import SigilCore
import SigilTestSupport
import Testing

@Suite struct KnownEventsTests {
    @Test func eventTableIsConsistent() {
        let all = KnownEvents.all
        #expect(all.count >= 10)
        for entry in all {
            #expect(entry.event.inputs.allSatisfy { $0.name != nil }, "\(entry.event.signature) lacks names")
        }
        // Entries sharing topic 0 must differ in topic count, or the first would always win.
        for entry in all {
            let twins = all.filter { $0.event.topic0 == entry.event.topic0 && $0.event.topicCount == entry.event.topicCount }
            #expect(twins.count == 1, "\(entry.event.declaration) is ambiguous")
        }
        // WETH's Deposit(address,uint256): topic 0 as block explorers show it.
        #expect(KnownEvents.candidates(topic0: ABITestSupport.bytes("0xe1fffcc4923d04b559f4d29a8bfc6cda04eb5b0d3c460751c2402c5c5cc9109c"))
            .map(\.standard) == ["WETH"])
    }

    @Test func errorTableIsConsistent() {
        let all = KnownErrors.all
        #expect(all.count >= 15)
        #expect(Set(all.map(\.selector)).count == all.count, "two known errors share a selector")
        for error in all {
            #expect(error.inputs.allSatisfy { $0.name != nil }, "\(error.signature) lacks names")
            #expect(KnownErrors.lookup(error.selector).map(\.signature) == [error.signature])
        }
        #expect(KnownErrors.lookup([0, 0, 0, 0]).isEmpty)
    }
}
