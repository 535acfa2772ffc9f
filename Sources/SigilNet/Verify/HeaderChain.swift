import SigilCore

extension ChainVerifier {
    /// Most headers fetched to link a block to the head; deeper blocks count as this many
    /// confirmations plus the head's own agreement.
    public static let maximumLinkedHeaders = 1024

    /// Confirmations of a trusted block: the agreed head's height − the block's + 1, counted only
    /// when the headers in between link by parentHash from the head down to the block. Zero when
    /// the head is below it or the chain between does not lead to it (a reorg).
    public func confirmations(of block: TrustedBlock) throws(VerificationError) -> (count: UInt64, head: TrustedBlock) {
        let head = try header(at: .latest)
        guard head.number >= block.number else { return (0, head) }
        if head.number == block.number { return (head.hash == block.hash ? 1 : 0, head) }
        let span = head.number - block.number
        guard span <= UInt64(Self.maximumLinkedHeaders) else { return (span + 1, head) }
        var faults: [PeerFault] = []
        for url in head.agreeing {
            do throws(ProofFailure) {
                return (try linked(from: head, down: block, url: url) ? span + 1 : 0, head)
            } catch {
                faults.append(PeerFault(url: url, reason: error.reason, invalid: true))
            }
        }
        throw .unproven(what: "the headers between block \(block.number) and \(head.number)", faults: faults)
    }

    /// Whether the headers from `url` between the two link the head to the block.
    private func linked(from head: TrustedBlock, down block: TrustedBlock, url: String) throws(ProofFailure) -> Bool {
        let numbers = Array((block.number + 1)..<head.number)
        guard !numbers.isEmpty else { return head.header.parentHash == block.hash }
        let method = "eth_getBlockByNumber"
        do {
            let answers = try JSONRPCClient(url: url, timeout: timeout).batch(numbers.map { RPCCall(method, [$0.json, .bool(false)]) })
            var expected = head.header.parentHash
            for answer in answers.reversed() {
                let header = try BlockHeader(rpc: try answer.get(), method: method)
                guard header.hash == expected else {
                    throw ProofFailure("its header of block \(header.number) does not link to the agreed head")
                }
                expected = header.parentHash
            }
            return expected == block.hash
        } catch let failure as ProofFailure {
            throw failure
        } catch {
            throw ProofFailure(String(describing: error))
        }
    }
}
