"""eth_feeHistory's reward percentiles, computed from the blocks as geth does."""


def rewards(chain, number, header, percentiles):
    """geth's algorithm: sort by effective tip, walk cumulative gas used to each percentile."""
    tips = sorted(tips_and_gas(chain, number, header.base_fee_per_gas))
    if not tips:
        return [0] * len(percentiles)
    result, index, cumulative = [], 0, tips[0][1]
    for p in percentiles:
        threshold = header.gas_used * p / 100
        while cumulative < threshold and index < len(tips) - 1:
            index += 1
            cumulative += tips[index][1]
        result.append(tips[index][0])
    return result


def tips_and_gas(chain, number, base_fee):
    """(effective tip, gas used) per transaction, read from py-evm's own block and receipts:
    eth-tester's full-transaction view refuses blocks holding type-4 transactions."""
    block = chain.get_canonical_block_by_number(number)
    receipts = block.get_receipts(chain.chaindb)
    out, previous = [], 0
    for tx, receipt in zip(block.transactions, receipts):
        gas_used = receipt.gas_used - previous
        previous = receipt.gas_used
        if hasattr(tx, "max_priority_fee_per_gas"):
            tip = min(tx.max_priority_fee_per_gas, tx.max_fee_per_gas - base_fee)
        else:
            tip = tx.gas_price - base_fee
        out.append((tip, gas_used))
    return out
