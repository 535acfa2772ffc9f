import SigilCore

/// `eth_getLogs` over a long block range, in chunks.
///
/// The range is asked for `chunkSize` blocks at a time, in order. A peer that refuses a chunk
/// as too large (error -32005, "range too large", "more than 10000 results", HTTP 413, …) is
/// asked again for the first half of it, down to a single block; the smaller size is kept for
/// the rest of the scan. Every log is delivered exactly once, in (block, log index) order: logs
/// a peer returns outside the chunk asked for, or that fail the filter, or are marked removed,
/// are dropped (their own chunk brings them), and a log seen already (same block hash and log
/// index) is never delivered twice.
public struct LogScanner: Sendable {
    public let client: JSONRPCClient
    /// Blocks per `eth_getLogs` request at first.
    public var chunkSize: UInt64

    public static let defaultChunkSize: UInt64 = 2_000

    public init(client: JSONRPCClient, chunkSize: UInt64 = defaultChunkSize) {
        precondition(chunkSize >= 1)
        self.client = client
        self.chunkSize = chunkSize
    }

    /// Where a scan is, after each chunk.
    public struct Progress: Sendable, Equatable {
        public let fromBlock: UInt64
        public let toBlock: UInt64
        /// The last block scanned so far.
        public let scannedThrough: UInt64
        public let logs: Int
        /// Blocks per request now (smaller than at first once a peer refused a range).
        public let chunkSize: UInt64

        /// The share of the range scanned, 0...1.
        public var fraction: Double {
            Double(scannedThrough - fromBlock + 1) / Double(toBlock - fromBlock + 1)
        }
    }

    /// What a finished scan did.
    public struct Summary: Sendable, Equatable {
        public let fromBlock: UInt64
        public let toBlock: UInt64
        public let logs: Int
        public let requests: Int
        /// Requests a peer refused as too large (each followed by one for half the range).
        public let refusals: Int
        public let finalChunkSize: UInt64
    }

    /// The block number a tag names now (`latest`, `safe`, `finalized` and `pending` asked of
    /// the peer; a block hash looked up).
    public func blockNumber(_ tag: BlockTag) throws(RPCError) -> UInt64 {
        switch tag {
        case .number(let number): return number
        case .earliest: return 0
        case .latest, .pending: return try NodeReader(client: client).blockNumber()
        case .safe, .finalized:
            let block = try client.call("eth_getBlockByNumber", [tag.json, .bool(false)])
            guard block != .null else { throw .malformed("eth_getBlockByNumber: the peer has no \(tag.label) block") }
            return try block.required("number", method: "eth_getBlockByNumber").uint64(method: "eth_getBlockByNumber", field: "number")
        case .hash(let hash):
            let block = try client.call("eth_getBlockByHash", [.string(Hex.encode(hash)), .bool(false)])
            guard block != .null else { throw .malformed("eth_getBlockByHash: the peer does not know block \(Hex.encode(hash))") }
            return try block.required("number", method: "eth_getBlockByHash").uint64(method: "eth_getBlockByHash", field: "number")
        }
    }

    /// Scans `filter`'s range: `deliver` gets each chunk's new logs (possibly none) in order,
    /// `progress` is told after each chunk. A range whose end is before its start has no logs.
    @discardableResult
    public func scan(_ filter: LogFilter, progress: (Progress) -> Void = { _ in },
                     deliver: ([EventLog]) throws -> Void) throws -> Summary {
        let from = try blockNumber(filter.fromBlock)
        let to = try filter.toBlock == filter.fromBlock ? from : blockNumber(filter.toBlock)
        return try scan(filter, from: from, to: to, progress: progress, deliver: deliver)
    }

    /// Scans blocks `from...to` (numbers already resolved).
    ///
    /// The requests (and reading their answers) run on a thread of their own, at most two chunks
    /// ahead of `deliver`, which runs on the caller's thread: the next answer is on its way while
    /// the caller prints the last one.
    @discardableResult
    public func scan(_ filter: LogFilter, from: UInt64, to: UInt64, progress: (Progress) -> Void = { _ in },
                     deliver: ([EventLog]) throws -> Void) throws -> Summary {
        let pipe = LogChunkPipe(capacity: 2)
        defer { pipe.cancel() }
        let scanner = self
        if !ThreadFanOut.detach({ scanner.fetch(filter, from: from, to: to, into: pipe) }) {
            pipe.unbounded()   // no thread to spare: fetch everything first, then deliver
            fetch(filter, from: from, to: to, into: pipe)
        }
        var total = 0
        while true {
            switch pipe.take() {
            case .logs(let logs, let end, let size):
                total += logs.count
                try deliver(logs)
                progress(Progress(fromBlock: from, toBlock: to, scannedThrough: end, logs: total, chunkSize: size))
            case .failed(let error):
                throw error
            case .finished(let requests, let refusals, let size):
                return Summary(fromBlock: from, toBlock: to, logs: total, requests: requests, refusals: refusals, finalChunkSize: size)
            }
        }
    }

    /// The producer: each chunk's new logs, in order, into `pipe`, then `.finished` (or `.failed`).
    private func fetch(_ filter: LogFilter, from: UInt64, to: UInt64, into pipe: LogChunkPipe) {
        var size = chunkSize
        var (requests, refusals) = (0, 0)
        var start = from
        while start <= to {
            let end = start + min(size - 1, to - start)
            let answer: [EventLog]
            do throws(RPCError) {
                requests += 1
                answer = try getLogs(filter.json(from: start, to: end))
            } catch {
                guard Self.isRangeRefusal(error), end > start else { pipe.put(.failed(error)); return }
                refusals += 1
                size = max(1, (end - start + 1) / 2)
                continue
            }
            let fresh = Self.orderedOnce(answer.filter { !$0.removed && (start...end).contains($0.blockNumber) && filter.matches($0) })
            guard pipe.put(.logs(fresh, end: end, chunkSize: size)) else { return }   // the caller stopped
            if end == UInt64.max { break }
            start = end + 1
        }
        pipe.put(.finished(requests: requests, refusals: refusals, chunkSize: size))
    }

    /// One `eth_getLogs` request. The answer is read straight from its bytes (`LogsAnswer`)
    /// when it has the plain shape; an error or anything unusual is read as `JSONRPCClient`
    /// reads answers. With several peers, the first request goes through the client, which
    /// races it across them; later ones go straight to the peer that won, and a failure of
    /// that peer (unreachable, garbage, an HTTP error) is left to the client, which moves on.
    func getLogs(_ parameter: JSONValue) throws(RPCError) -> [EventLog] {
        let method = "eth_getLogs"
        guard client.hasChosenPeer else { return try Self.logs(in: client.call(method, [parameter])) }
        do throws(RPCError) {
            return try fastGetLogs(parameter)
        } catch {
            if case .node = error { throw error }
            guard client.urls.count > 1 else { throw error }
            return try Self.logs(in: client.call(method, [parameter]))
        }
    }

    /// `getLogs` straight to the client's current peer, read from the bytes when plain.
    private func fastGetLogs(_ parameter: JSONValue) throws(RPCError) -> [EventLog] {
        let method = "eth_getLogs"
        let id = Int.random(in: 1...Int(Int32.max))
        let request = JSONValue.object([("jsonrpc", .string("2.0")), ("id", .integer(id)), ("method", .string(method)),
                                        ("params", .array([parameter]))])
        let response: HTTPResponse
        do {
            response = try HTTPTransport.post(url: client.url, body: Array(request.serialized().utf8), timeout: client.timeout)
        } catch {
            throw RPCError(error)
        }
        if response.status == 200, let logs = LogsAnswer.logs(response.body, id: id) { return logs }
        guard let parsed = try? JSONParser.parse(response.body) else {
            if response.status != 200 { throw .httpStatus(response.status, excerpt: RPCError.excerpt(response.body)) }
            throw .malformed("\(method): body is not JSON: \(RPCError.excerpt(response.body))")
        }
        if let error = parsed["error"], error != .null {
            return try Self.logs(in: JSONRPCClient.outcome(of: parsed, method: method).get())
        }
        guard response.status == 200 else { throw .httpStatus(response.status, excerpt: RPCError.excerpt(response.body)) }
        guard parsed["id"] == .integer(id) else { throw .malformed("\(method): response id does not match the request") }
        return try Self.logs(in: JSONRPCClient.outcome(of: parsed, method: method).get())
    }

    static func logs(in answer: JSONValue) throws(RPCError) -> [EventLog] {
        guard case .array(let items) = answer else { throw .malformed("eth_getLogs: expected an array, got \(answer.kindName)") }
        var logs: [EventLog] = []
        logs.reserveCapacity(items.count)
        for item in items { logs.append(try EventLog(json: item)) }
        return logs
    }

    /// `logs` in (block, log index) order, each (block hash, log index) once. Chunks cover
    /// disjoint block ranges and a log outside its chunk's is dropped, so a log can only repeat
    /// within one answer: sorted, its copies are neighbours (a reorganised block's logs, with
    /// another block hash, are kept apart).
    static func orderedOnce(_ logs: [EventLog]) -> [EventLog] {
        var sorted = logs
        if !zip(logs, logs.dropFirst()).allSatisfy({ ($0.blockNumber, $0.logIndex) < ($1.blockNumber, $1.logIndex) }) {
            sorted.sort { ($0.blockNumber, $0.logIndex) < ($1.blockNumber, $1.logIndex) }
        } else {
            return logs   // the usual answer: strictly increasing, so no copies either
        }
        var out: [EventLog] = []
        out.reserveCapacity(sorted.count)
        var group = 0   // where the logs of the current (block, index) start in `out`
        for log in sorted {
            if let last = out.last, last.blockNumber == log.blockNumber, last.logIndex == log.logIndex {
                if out[group...].contains(where: { $0.blockHash == log.blockHash }) { continue }
            } else {
                group = out.count
            }
            out.append(log)
        }
        return out
    }

    /// Whether a peer refused a request because its range or its answer would be too large:
    /// error -32005 (limit exceeded), HTTP 413, or a message that says so (geth, erigon,
    /// nethermind, besu, alchemy, infura and others word it differently).
    public static func isRangeRefusal(_ error: RPCError) -> Bool {
        switch error {
        case .node(_, let code, let message, _):
            if code == -32005 { return true }
            let lowered = message.lowercased()
            return ["range", "too large", "too many", "more than", "limit exceeded", "exceed", "too big", "response size"]
                .contains { lowered.contains($0) }
        case .httpStatus(let status, _):
            return status == 413
        default:
            return false
        }
    }
}
