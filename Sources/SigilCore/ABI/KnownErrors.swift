/// A built-in table of common custom errors (OpenZeppelin Contracts 5 and the draft
/// ERC-6093 token errors), to decode revert data whose error is not given.
///
/// Selectors are computed from the declarations on first use, never written by hand.
public enum KnownErrors {
    static let declarations = [
        "ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)",
        "ERC20InvalidSender(address sender)",
        "ERC20InvalidReceiver(address receiver)",
        "ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)",
        "ERC20InvalidApprover(address approver)",
        "ERC20InvalidSpender(address spender)",
        "ERC721InvalidOwner(address owner)",
        "ERC721NonexistentToken(uint256 tokenId)",
        "ERC721IncorrectOwner(address sender, uint256 tokenId, address owner)",
        "ERC721InsufficientApproval(address operator, uint256 tokenId)",
        "OwnableUnauthorizedAccount(address account)",
        "OwnableInvalidOwner(address owner)",
        "AccessControlUnauthorizedAccount(address account, bytes32 neededRole)",
        "ReentrancyGuardReentrantCall()",
        "EnforcedPause()",
        "ExpectedPause()",
        "SafeERC20FailedOperation(address token)",
        "AddressEmptyCode(address target)",
        "FailedCall()",
        "InsufficientBalance(uint256 balance, uint256 needed)",
    ]

    /// Every entry, computed once.
    public static let all: [ABIErrorSignature] = declarations.map { try! ABIErrorSignature(parsing: $0) }

    /// The known errors whose selector is `selector`.
    public static func lookup(_ selector: some Collection<UInt8>) -> [ABIErrorSignature] {
        all.filter { $0.selector.elementsEqual(selector) }
    }
}
