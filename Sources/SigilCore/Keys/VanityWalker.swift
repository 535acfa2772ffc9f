/// A point on secp256k1 in affine coordinates (never infinity).
struct AffinePoint: Sendable, Equatable {
    var x: FieldElement
    var y: FieldElement

    init(x: FieldElement, y: FieldElement) {
        self.x = x
        self.y = y
    }

    /// The point from a public key's 64 raw bytes x || y.
    init(publicKey: PublicKey) {
        let raw = publicKey.raw
        x = raw.withUnsafeBytes { FieldElement(bigEndian: UnsafeRawBufferPointer(rebasing: $0[0..<32]))! }
        y = raw.withUnsafeBytes { FieldElement(bigEndian: UnsafeRawBufferPointer(rebasing: $0[32..<64]))! }
    }
}

/// The multiples 1·G, 2·G, …, count·G, computed once with libsecp256k1 and shared read-only.
final class GeneratorMultiples: Sendable {
    /// `points[i]` is (i + 1)·G.
    let points: [AffinePoint]

    init(count: Int) {
        precondition(count >= 1)
        points = (1...count).map { i in
            AffinePoint(publicKey: try! PrivateKey(secret: SecureBytes(copying: VanityWalker.tweak(UInt64(i)).withUnsafeBytes { $0 })).publicKey)
        }
    }
}

/// Walks the keys start + 1, start + 2, … in batches, yielding each key's address.
///
/// A batch adds 1·G … B·G to the base point (start + offset)·G in affine coordinates, with
/// one field inversion for the whole batch (Montgomery's trick: invert the product of the
/// B denominators, then peel the individual inverses off with 3 multiplications each). The
/// last sum becomes the next base. The scalar itself is never stepped: the secret stays in
/// `start` (a `PrivateKey`, i.e. a `SecureBytes`) and a found key is `start + offset`, mod n.
///
/// If the base is infinity or a denominator is zero (the walk is within B of a multiple of n,
/// probability about 2^-247 from a random start), that batch is computed one key at a time
/// with libsecp256k1, skipping the key 0. One walker belongs to one thread.
final class VanityWalker {
    let start: PrivateKey
    let table: GeneratorMultiples
    /// Keys start + 1 … start + offset have been visited.
    private(set) var offset: UInt64 = 0
    /// (start + offset)·G, or nil at infinity.
    private var base: AffinePoint?
    /// Prefix products of the batch's denominators.
    private let products: UnsafeMutablePointer<FieldElement>
    /// 64 bytes of x || y, then the 32-byte digest whose last 20 bytes are the address.
    private let scratch: UnsafeMutableRawPointer

    var batchSize: Int { table.points.count }

    init(start: PrivateKey, table: GeneratorMultiples) {
        self.start = start
        self.table = table
        base = AffinePoint(publicKey: start.publicKey)
        products = .allocate(capacity: table.points.count)
        scratch = .allocate(byteCount: 96, alignment: 16)
    }

    deinit {
        products.deallocate()
        scratch.deallocate()
    }

    /// The offset (as a 32-byte big-endian tweak) of a key from `start`.
    static func tweak(_ offset: UInt64) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 32)
        for i in 0..<8 { bytes[31 - i] = UInt8(truncatingIfNeeded: offset >> (8 * UInt64(i))) }
        return bytes
    }

    /// The key start + `offset` (mod n).
    func key(at offset: UInt64) throws(KeyError) -> PrivateKey {
        try start.adding(tweak: Self.tweak(offset))
    }

    /// Visits the next batch: `visit(offset, address)` gets each key's offset from `start` and
    /// a pointer to its 20 address bytes (valid only during the call); returning true stops
    /// the rest of the batch (keys are visited last to first; the walk then continues with
    /// the next batch). Returns how many keys were visited.
    @inline(__always)
    @discardableResult
    func step(_ visit: (UInt64, UnsafeRawPointer) -> Bool) -> Int {
        guard let base, let last = fastBatch(from: base, visit) else { return slowBatch(visit) }
        // The last key's point is computed first, so it is known even after an early stop.
        self.base = last.point
        offset &+= UInt64(batchSize)
        return last.visited
    }

    /// The batch in affine coordinates; nil (before visiting anything) if a denominator is 0.
    @inline(__always)
    private func fastBatch(from base: AffinePoint, _ visit: (UInt64, UnsafeRawPointer) -> Bool)
        -> (point: AffinePoint, visited: Int)? {
        let count = batchSize
        return table.points.withUnsafeBufferPointer { multiples -> (point: AffinePoint, visited: Int)? in
            var product = FieldElement.one
            for i in 0..<count {
                let d = multiples[i].x - base.x
                if d.isZero { return nil }
                product = i == 0 ? d : product * d
                products[i] = product
            }
            var inverse = product.inverse()
            var lastPoint = base
            var visited = 0
            // Backwards, so the first point computed is the last key: the next base.
            var i = count - 1
            while i >= 0 {
                let q = multiples[i]
                let dx = q.x - base.x
                let inv = i > 0 ? inverse * products[i - 1] : inverse
                inverse = inverse * dx
                let lambda = (q.y - base.y) * inv
                let x = lambda.squared() - base.x - q.x
                let y = lambda * (base.x - x) - base.y
                if i == count - 1 { lastPoint = AffinePoint(x: x, y: y) }
                x.store(bigEndianTo: scratch, at: 0)
                y.store(bigEndianTo: scratch, at: 32)
                Keccak256.hash(UnsafeRawBufferPointer(start: scratch, count: 64),
                               into: UnsafeMutableRawBufferPointer(start: scratch + 64, count: 32))
                visited += 1
                if visit(offset &+ UInt64(i + 1), scratch + 76) { break }
                i -= 1
            }
            return (lastPoint, visited)
        }
    }

    /// The batch one key at a time through libsecp256k1 (only near a multiple of n).
    private func slowBatch(_ visit: (UInt64, UnsafeRawPointer) -> Bool) -> Int {
        var visited = 0
        for i in 1...batchSize {
            visited += 1
            // The key start + offset + i is 0 exactly when the point is infinity: skip it.
            guard let key = try? key(at: offset &+ UInt64(i)) else { continue }
            key.publicKey.raw.withUnsafeBytes { scratch.copyMemory(from: $0.baseAddress!, byteCount: 64) }
            Keccak256.hash(UnsafeRawBufferPointer(start: scratch, count: 64),
                           into: UnsafeMutableRawBufferPointer(start: scratch + 64, count: 32))
            if visit(offset &+ UInt64(i), scratch + 76) { break }
        }
        offset &+= UInt64(batchSize)
        base = (try? key(at: offset)).map { AffinePoint(publicKey: $0.publicKey) }
        return visited
    }
}
