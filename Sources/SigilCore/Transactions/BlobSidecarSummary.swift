/// What the network form of a blob transaction carried besides the transaction itself.
///
/// The network form is `0x03 || rlp([tx_body, blobs, commitments, proofs])` (EIP-4844) or
/// `0x03 || rlp([tx_body, 1, blobs, commitments, cell_proofs])` (EIP-7594, 128 cell proofs per
/// blob). Sigil decodes it to inspect the transaction but never encodes or sends it.
public struct BlobSidecarSummary: Sendable, Hashable {
    /// nil for the EIP-4844 form, 1 for the EIP-7594 cell-proof form.
    public let wrapperVersion: UInt8?
    /// The number of blobs (131072 bytes each).
    public let blobCount: Int
    /// The number of KZG commitments (48 bytes each).
    public let commitmentCount: Int
    /// The number of KZG proofs (48 bytes each): one per blob, or 128 per blob (cell proofs).
    public let proofCount: Int

    /// Bytes in one blob.
    public static let blobLength = 131_072
    /// Bytes in a KZG commitment or proof.
    public static let kzgLength = 48
    /// Cell proofs per blob in the EIP-7594 form.
    public static let cellProofsPerBlob = 128

    /// Reads and checks the sidecar items after the body (`items` excludes the body).
    init(decoding items: ArraySlice<RLPItem>, hashCount: Int) throws(TransactionDecodingError) {
        var rest = items
        var version: UInt8?
        if rest.count == 4 {
            guard case .bytes(let versionBytes) = rest.removeFirst() else {
                throw .init(field: "wrapperVersion", .expectedBytes)
            }
            guard versionBytes == [1] else {
                throw .init(field: "wrapperVersion", .unsupportedWrapperVersion(TransactionFieldReader.hexQuantity(versionBytes)))
            }
            version = 1
        }
        let lists = Array(rest)
        let names = ["blobs", "commitments", version == nil ? "proofs" : "cellProofs"]
        let lengths = [Self.blobLength, Self.kzgLength, Self.kzgLength]
        var counts: [Int] = []
        for index in 0..<3 {
            guard case .list(let elements) = lists[index] else { throw .init(field: names[index], .expectedList) }
            for (position, element) in elements.enumerated() {
                let name = "\(names[index])[\(position)]"
                guard case .bytes(let bytes) = element else { throw .init(field: name, .expectedBytes) }
                guard bytes.count == lengths[index] else {
                    throw .init(field: name, .wrongLength(expected: lengths[index], actual: bytes.count))
                }
            }
            counts.append(elements.count)
        }
        let proofsPerBlob = version == nil ? 1 : Self.cellProofsPerBlob
        guard counts[0] == hashCount, counts[1] == hashCount, counts[2] == hashCount * proofsPerBlob else {
            throw .init(.sidecarMismatch(
                "\(hashCount) versioned hash(es), \(counts[0]) blob(s), \(counts[1]) commitment(s), \(counts[2]) \(names[2])"))
        }
        self.wrapperVersion = version
        self.blobCount = counts[0]
        self.commitmentCount = counts[1]
        self.proofCount = counts[2]
    }
}
