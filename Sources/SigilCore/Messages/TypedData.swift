/// An EIP-712 typed structured-data document (`eth_signTypedData_v4`): parsed strictly,
/// hashed, signed, recovered and verified.
///
/// Parsing rules (every error names its path in the document, see `TypedDataError`):
/// - The document is exactly `{types, primaryType, domain, message}`; repeated keys are errors.
/// - `types` maps struct names to `[{name, type}]`. Field types are `uint8`…`uint256`,
///   `int8`…`int256` (steps of 8), `bytes1`…`bytes32`, `bool`, `address`, `string`, `bytes`,
///   struct names, and arrays `T[]` / `T[k]` of any of them. Every referenced struct must be
///   defined. Recursive types are allowed, as EIP-712 allows them (e.g. `Node[] children`),
///   except a cycle without a dynamic array, which no finite value can satisfy.
/// - `EIP712Domain` comes from `types` when declared there (used as given, like MetaMask);
///   otherwise it is derived from the domain keys present, in the order name, version,
///   chainId, verifyingContract, salt (like ethers and eth-account); other keys are errors.
/// - Values must match their types exactly (see `TypedDataValueParser`): missing and extra
///   struct fields are errors, `T[k]` needs exactly k elements, `bytes<N>` exactly N bytes,
///   integers may be JSON numbers or decimal / `0x` strings (MetaMask and foundry send
///   `"chainId": "1"`), and structs and arrays nest at most 64 deep.
/// - `primaryType` may be `EIP712Domain`: the digest is then keccak256(0x19 0x01 ‖
///   domainSeparator), as MetaMask's eth-sig-util computes it, and `message` must be absent
///   or `{}` since it would not be signed.
public struct TypedData: Sendable {
    let schema: TypedDataSchema
    /// The type of `message` (or `EIP712Domain`).
    public let primaryType: String
    /// The validated domain, a struct of type `EIP712Domain`.
    public let domain: TypedDataValue
    /// The validated message; nil when `primaryType` is `EIP712Domain`.
    public let message: TypedDataValue?
    /// hashStruct(domain).
    public let domainSeparator: [UInt8]
    /// hashStruct(message); nil when `primaryType` is `EIP712Domain`.
    public let messageHash: [UInt8]?
    /// keccak256(0x19 0x01 ‖ domainSeparator ‖ hashStruct(message)): the digest to sign.
    public let signingHash: [UInt8]

    init(schema: TypedDataSchema, primaryType: String, domain: TypedDataValue, message: TypedDataValue?) {
        var schema = schema
        schema.cacheTypeHashes()
        self.schema = schema
        self.primaryType = primaryType
        self.domain = domain
        self.message = message
        domainSeparator = TypedDataEncoder.hashStruct(domain, schema: schema)
        messageHash = message.map { TypedDataEncoder.hashStruct($0, schema: schema) }
        signingHash = Keccak256.hash([0x19, 0x01] + domainSeparator + (messageHash ?? []))
    }

    /// Parses and validates a document already read as JSON.
    public init(json document: JSONValue) throws(TypedDataError) {
        self = try TypedDataParser.parse(document)
    }

    /// Parses and validates a document from its JSON text.
    public init(parsing text: String) throws(TypedDataError) {
        let document: JSONValue
        do {
            document = try JSONParser.parse(text)
        } catch {
            throw TypedDataError(path: "", reason: error.description)
        }
        try self.init(json: document)
    }

    /// The struct types, in the order `types` lists them (plus a derived `EIP712Domain`).
    public var typeNames: [String] { schema.order }

    /// The fields of a struct type, or nil if there is no such type.
    public func fields(of typeName: String) -> [TypedDataField]? { schema.fields[typeName] }

    /// encodeType(typeName), e.g. `Mail(Person from,Person to,string contents)Person(string name,address wallet)`;
    /// nil if there is no such type.
    public func encodeType(_ typeName: String) -> String? {
        schema.fields[typeName] == nil ? nil : schema.encodeType(typeName)
    }

    /// keccak256(encodeType(typeName)); nil if there is no such type.
    public func typeHash(_ typeName: String) -> [UInt8]? {
        schema.fields[typeName] == nil ? nil : schema.typeHash(typeName)
    }

    /// encodeData(primaryType, message): typeHash followed by one 32-byte word per field. For
    /// `primaryType == EIP712Domain` this is the domain's encoding.
    public var encodedMessage: [UInt8] { TypedDataEncoder.encodeData(message ?? domain, schema: schema) }

    /// encodeData(EIP712Domain, domain).
    public var encodedDomain: [UInt8] { TypedDataEncoder.encodeData(domain, schema: schema) }

    /// Signs `signingHash` with `key` (RFC 6979, low s). `Signature.bytes` gives r ‖ s ‖ v, v = 27/28.
    public func sign(with key: PrivateKey) throws(KeyError) -> Signature {
        try key.sign(digest: signingHash)
    }

    /// The address whose key produced `signature` over this document.
    public func recover(signature: Signature) throws(SignatureError) -> Address {
        try signature.recoverAddress(digest: signingHash)
    }

    /// Whether `signature` over this document recovers to `address`.
    public func verify(signature: Signature, address: Address) -> Bool {
        (try? recover(signature: signature)) == address
    }
}
