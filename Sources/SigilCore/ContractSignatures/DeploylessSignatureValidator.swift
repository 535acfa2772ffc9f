/// The ERC-6492 check of a counterfactual wallet in one `eth_call`: init code that is never
/// deployed. `eth_call` with no `to` runs it as a contract creation; it calls the factory (which
/// deploys the wallet, inside the call only), asks the wallet's `isValidSignature`, and returns
/// the answer as the "code" of the contract it would create.
///
/// Call data = `initCode ‖ abi.encode(address wallet, address factory, bytes factoryCalldata,
/// bytes validationCalldata)`, where `validationCalldata` is the whole `isValidSignature(hash,
/// innerSignature)` call. The init code copies those arguments (they follow it in the code) to
/// memory 0, so memory holds `wallet` at 0x00, `factory` at 0x20, and the offsets of the two
/// byte strings (each a 32-byte length, then the bytes) at 0x40 and 0x60. Then:
///
/// 1. `CALL factory(factoryCalldata)`, no value, all gas; the result is ignored (when it fails
///    the wallet has no code and step 2 answers nothing, which is "not valid").
/// 2. Zero memory 0x00, `STATICCALL wallet(validationCalldata)` into memory 0x00..0x20.
/// 3. Return 32 bytes: the wallet's answer word when the call succeeded, zero otherwise.
///
/// The answer is valid exactly when `ERC1271.isMagic` says so. The code is assembled below from
/// named opcodes so that every byte is accounted for; `PUSH0` is not used (older chains).
public enum DeploylessSignatureValidator {
    enum Op: UInt8 {
        case add = 0x01, mul = 0x02, sub = 0x03, codesize = 0x38, codecopy = 0x39, pop = 0x50, mload = 0x51, mstore = 0x52
        case gas = 0x5a, push1 = 0x60, dup1 = 0x80, swap1 = 0x90, call = 0xf1, ret = 0xf3, staticcall = 0xfa
    }

    /// One assembly item: an opcode, or PUSH1 with its byte.
    enum Item {
        case op(Op)
        case push(UInt8)
        var bytes: [UInt8] {
            switch self {
            case .op(let op): [op.rawValue]
            case .push(let value): [Op.push1.rawValue, value]
            }
        }
    }

    /// Pushes `offset`, `length` (top first) of the byte string whose head slot is at `slot`.
    static func bytesArgument(headSlot slot: UInt8) -> [Item] {
        // [slot] holds the offset of the length word; the bytes follow it.
        [.push(slot), .op(.mload), .op(.dup1), .op(.mload), .op(.swap1), .push(0x20), .op(.add)]
    }

    /// The program; `argumentsStart` is its own length (where the arguments begin in the code).
    static func program(argumentsStart k: UInt8) -> [Item] {
        // codecopy(0, k, codesize - k)
        let copy: [Item] = [.push(k), .op(.codesize), .op(.sub), .push(k), .push(0), .op(.codecopy)]
        // call(gas, factory, 0, factoryCalldata, 0, 0); pop
        let deploy: [Item] = [.push(0), .push(0)] + bytesArgument(headSlot: 0x40)
            + [.push(0), .push(0x20), .op(.mload), .op(.gas), .op(.call), .op(.pop)]
        // mstore(0, 0); staticcall(gas, wallet, validationCalldata, 0, 32)
        let validate: [Item] = [.push(0x20), .push(0)] + bytesArgument(headSlot: 0x60)
            + [.push(0), .op(.mload), .push(0), .push(0), .op(.mstore), .op(.gas), .op(.staticcall)]
        // mstore(0, success * mload(0)); return(0, 32)
        let answer: [Item] = [.push(0), .op(.mload), .op(.mul), .push(0), .op(.mstore), .push(0x20), .push(0), .op(.ret)]
        return copy + deploy + validate + answer
    }

    /// The init code (65 bytes).
    public static let initCode: [UInt8] = {
        let length = program(argumentsStart: 0).flatMap(\.bytes).count
        return program(argumentsStart: UInt8(length)).flatMap(\.bytes)
    }()

    static let argumentTypes: [ABIType] = [.address, .address, .bytes, .bytes]

    /// The `data` of the `eth_call` (with no `to`) that checks `signature` of `hash` by
    /// `wallet`, deploying it first with the wrapper's factory call.
    public static func callData(wallet: Address, hash: [UInt8], signature: ERC6492Signature) -> [UInt8] {
        let validation = ERC1271.isValidSignatureCall(hash: hash, signature: signature.signature)
        let arguments: [ABIValue] = [.address(wallet), .address(signature.factory), .bytes(signature.factoryCalldata), .bytes(validation)]
        // Encoding values of their own types cannot fail.
        return initCode + ((try? ABIEncoder.encode(arguments, as: argumentTypes)) ?? [])
    }
}
