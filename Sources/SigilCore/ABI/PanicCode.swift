/// The codes of Solidity's `Panic(uint256)` error (compiler-inserted checks), with the
/// meanings the Solidity documentation gives them.
public enum PanicCode {
    /// The meaning of `code`, or nil for a code the documentation does not list.
    public static func meaning(_ code: U256) -> String? {
        guard let small = code.uint64Value else { return nil }
        switch small {
        case 0x00: return "generic compiler-inserted panic"
        case 0x01: return "assertion failed (assert)"
        case 0x11: return "arithmetic overflow or underflow"
        case 0x12: return "division or modulo by zero"
        case 0x21: return "conversion of an out-of-range value to an enum"
        case 0x22: return "incorrectly encoded storage byte array"
        case 0x31: return "pop() on an empty array"
        case 0x32: return "array index out of bounds"
        case 0x41: return "too much memory allocated, or an array too large"
        case 0x51: return "call to a zero-initialized internal function variable"
        default: return nil
        }
    }
}
