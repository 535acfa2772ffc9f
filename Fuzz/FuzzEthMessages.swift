/// eth/68 messages: every decoder rejects or accepts without crashing, and what it accepts
/// re-encodes to a payload that decodes to the same message.
func fuzzEthMessages(_ bytes: [UInt8]) {
    if let status = try? EthStatus(decoding: bytes) {
        precondition((try? EthStatus(decoding: status.encoded())) == status, "Status round trip")
        _ = ForkSchedule.mainnet.validate(remote: status.forkID, headNumber: 20_000_000, headTime: 1_700_000_000)
    }
    if let announcement = try? NewPooledTransactionHashes(decoding: bytes) {
        precondition((try? NewPooledTransactionHashes(decoding: announcement.encoded())) == announcement, "announcement round trip")
    }
    if let request = try? GetPooledTransactions(decoding: bytes) {
        precondition((try? GetPooledTransactions(decoding: request.encoded())) == request, "GetPooledTransactions round trip")
    }
    if let message = try? EthTransactions(decoding: bytes) {
        precondition(message.encoded() == bytes, "Transactions did not re-encode to its input")
        for raw in message.transactions { _ = try? NewPooledTransactionHashes.announcement(for: raw) }
    }
    if let answer = try? PooledTransactions(decoding: bytes) {
        precondition((try? PooledTransactions(decoding: answer.encoded())) == answer, "PooledTransactions round trip")
    }
    if let item = try? RLP.decode(bytes), let id = try? ForkID(rlp: item) {
        precondition(id.hash.count == 4, "fork hash length")
    }
    // The same payload as a Snappy-compressed message body.
    if let payload = try? Snappy.decompress(bytes, maximumLength: 1 << 16) {
        _ = try? EthStatus(decoding: payload)
    }
}
