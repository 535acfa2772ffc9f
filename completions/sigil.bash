#!/bin/bash

__sigil_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__sigil_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__sigil_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__sigil_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_sigil() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __sigil_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    key|mnemonic|sign|verify|recover|tx|abi|hash|address|units|config|send|broadcast|p2p|balance|nonce|chain-id|fees|receipt|block|block-number|code|storage|rpc|ens|call|estimate|access-list|logs|help)
        # Offer subcommand argument completions
        "_sigil_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'key mnemonic sign verify recover tx abi hash address units config send broadcast p2p balance nonce chain-id fees receipt block block-number code storage rpc ens call estimate access-list logs help' -- "${cur}"))
        ;;
    esac
}

_sigil_key() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __sigil_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    new|import|export|list|inspect|change-password|remove|vanity)
        # Offer subcommand argument completions
        "_sigil_key_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'new import export list inspect change-password remove vanity' -- "${cur}"))
        ;;
    esac
}

_sigil_key_new() {
    repeating_flags=()
    non_repeating_flags=(--light --strict-permissions --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--name --keystore --password-file --color)
    __sigil_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--name')
        return
        ;;
    '--keystore')
        __sigil_add_completions -d
        return
        ;;
    '--password-file')
        __sigil_add_completions -f
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_key_import() {
    repeating_flags=()
    non_repeating_flags=(--light --strict-permissions --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--private-key-file --keystore-file --mnemonic-file --passphrase-file --path --name --keystore --password-file --color)
    __sigil_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--private-key-file')
        __sigil_add_completions -f
        return
        ;;
    '--keystore-file')
        __sigil_add_completions -f
        return
        ;;
    '--mnemonic-file')
        __sigil_add_completions -f
        return
        ;;
    '--passphrase-file')
        __sigil_add_completions -f
        return
        ;;
    '--path')
        return
        ;;
    '--name')
        return
        ;;
    '--keystore')
        __sigil_add_completions -d
        return
        ;;
    '--password-file')
        __sigil_add_completions -f
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_key_export() {
    repeating_flags=()
    non_repeating_flags=(--private-key --yes --strict-permissions --version -h --help)
    repeating_options=()
    non_repeating_options=(--keystore --password-file --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--keystore')
        __sigil_add_completions -d
        return
        ;;
    '--password-file')
        __sigil_add_completions -f
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion key export -- positional@0 "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sigil_key_list() {
    repeating_flags=()
    non_repeating_flags=(--strict-permissions --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--keystore --color)
    __sigil_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--keystore')
        __sigil_add_completions -d
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_key_inspect() {
    repeating_flags=()
    non_repeating_flags=(--strict-permissions --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--private-key-file --keystore --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--private-key-file')
        __sigil_add_completions -f
        return
        ;;
    '--keystore')
        __sigil_add_completions -d
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion key inspect -- positional@0 "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sigil_key_change-password() {
    repeating_flags=()
    non_repeating_flags=(--light --strict-permissions --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--keystore --password-file --new-password-file --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--keystore')
        __sigil_add_completions -d
        return
        ;;
    '--password-file')
        __sigil_add_completions -f
        return
        ;;
    '--new-password-file')
        __sigil_add_completions -f
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion key change-password -- positional@0 "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sigil_key_remove() {
    repeating_flags=()
    non_repeating_flags=(--yes --strict-permissions --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--keystore --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--keystore')
        __sigil_add_completions -d
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion key remove -- positional@0 "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_sigil_key_vanity() {
    repeating_flags=()
    non_repeating_flags=(--checksum-case --light --strict-permissions --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--prefix --suffix --threads --name --keystore --password-file --color)
    __sigil_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--prefix')
        return
        ;;
    '--suffix')
        return
        ;;
    '--threads')
        return
        ;;
    '--name')
        return
        ;;
    '--keystore')
        __sigil_add_completions -d
        return
        ;;
    '--password-file')
        __sigil_add_completions -f
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_mnemonic() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __sigil_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    new|derive)
        # Offer subcommand argument completions
        "_sigil_mnemonic_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'new derive' -- "${cur}"))
        ;;
    esac
}

_sigil_mnemonic_new() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--words --output --color)
    __sigil_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--words')
        return
        ;;
    '--output')
        __sigil_add_completions -f
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_mnemonic_derive() {
    repeating_flags=()
    non_repeating_flags=(--private-keys --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--mnemonic-file --passphrase-file --path --index --count --color)
    __sigil_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--mnemonic-file')
        __sigil_add_completions -f
        return
        ;;
    '--passphrase-file')
        __sigil_add_completions -f
        return
        ;;
    '--path')
        return
        ;;
    '--index')
        return
        ;;
    '--count')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_sign() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __sigil_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    message|typed-data|tx|hash|authorization)
        # Offer subcommand argument completions
        "_sigil_sign_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'message typed-data tx hash authorization' -- "${cur}"))
        ;;
    esac
}

_sigil_sign_message() {
    repeating_flags=()
    non_repeating_flags=(--hex --text --strict-permissions --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--file --from --private-key-file --keystore --password-file --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--file')
        __sigil_add_completions -f
        return
        ;;
    '--from')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion sign message -- --from "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--private-key-file')
        __sigil_add_completions -f
        return
        ;;
    '--keystore')
        __sigil_add_completions -d
        return
        ;;
    '--password-file')
        __sigil_add_completions -f
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_sign_typed-data() {
    repeating_flags=()
    non_repeating_flags=(--strict-permissions --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--from --private-key-file --keystore --password-file --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--from')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion sign typed-data -- --from "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--private-key-file')
        __sigil_add_completions -f
        return
        ;;
    '--keystore')
        __sigil_add_completions -d
        return
        ;;
    '--password-file')
        __sigil_add_completions -f
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sigil_add_completions -f
        return
        ;;
    esac
}

_sigil_sign_tx() {
    repeating_flags=()
    non_repeating_flags=(--yes --strict-permissions --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--batch -o --output --threads --from --private-key-file --keystore --password-file --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--batch')
        __sigil_add_completions -f
        return
        ;;
    '-o'|'--output')
        __sigil_add_completions -f
        return
        ;;
    '--threads')
        return
        ;;
    '--from')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion sign tx -- --from "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--private-key-file')
        __sigil_add_completions -f
        return
        ;;
    '--keystore')
        __sigil_add_completions -d
        return
        ;;
    '--password-file')
        __sigil_add_completions -f
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_sign_hash() {
    repeating_flags=()
    non_repeating_flags=(--raw-digest --strict-permissions --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--from --private-key-file --keystore --password-file --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--from')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion sign hash -- --from "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--private-key-file')
        __sigil_add_completions -f
        return
        ;;
    '--keystore')
        __sigil_add_completions -d
        return
        ;;
    '--password-file')
        __sigil_add_completions -f
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_sign_authorization() {
    repeating_flags=()
    non_repeating_flags=(--any-chain --strict-permissions --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--chain-id --nonce --from --private-key-file --keystore --password-file --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--chain-id')
        return
        ;;
    '--nonce')
        return
        ;;
    '--from')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion sign authorization -- --from "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--private-key-file')
        __sigil_add_completions -f
        return
        ;;
    '--keystore')
        __sigil_add_completions -d
        return
        ;;
    '--password-file')
        __sigil_add_completions -f
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_verify() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __sigil_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    message|typed-data|tx|receipt)
        # Offer subcommand argument completions
        "_sigil_verify_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'message typed-data tx receipt' -- "${cur}"))
        ;;
    esac
}

_sigil_verify_message() {
    repeating_flags=()
    non_repeating_flags=(--hex --text --strict --no-verify --json --version -h --help)
    repeating_options=(--rpc)
    non_repeating_options=(--file --address --signature --network --config --timeout --agree --block-hash --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--file')
        __sigil_add_completions -f
        return
        ;;
    '--address')
        return
        ;;
    '--signature')
        return
        ;;
    '--network')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion verify message -- --network "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--config')
        __sigil_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--rpc')
        return
        ;;
    '--timeout')
        return
        ;;
    '--agree')
        return
        ;;
    '--block-hash')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_verify_typed-data() {
    repeating_flags=()
    non_repeating_flags=(--strict --no-verify --json --version -h --help)
    repeating_options=(--rpc)
    non_repeating_options=(--address --signature --network --config --timeout --agree --block-hash --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--address')
        return
        ;;
    '--signature')
        return
        ;;
    '--network')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion verify typed-data -- --network "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--config')
        __sigil_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--rpc')
        return
        ;;
    '--timeout')
        return
        ;;
    '--agree')
        return
        ;;
    '--block-hash')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sigil_add_completions -f
        return
        ;;
    esac
}

_sigil_verify_tx() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--from --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--from')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_verify_receipt() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--block-hash --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--block-hash')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sigil_add_completions -f
        return
        ;;
    esac
}

_sigil_recover() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __sigil_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    message|typed-data|tx)
        # Offer subcommand argument completions
        "_sigil_recover_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'message typed-data tx' -- "${cur}"))
        ;;
    esac
}

_sigil_recover_message() {
    repeating_flags=()
    non_repeating_flags=(--hex --text --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--file --signature --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--file')
        __sigil_add_completions -f
        return
        ;;
    '--signature')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_recover_typed-data() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--signature --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--signature')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sigil_add_completions -f
        return
        ;;
    esac
}

_sigil_recover_tx() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_tx() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __sigil_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    build|decode|hash|list|status|bump|cancel|rebroadcast|proof|show)
        # Offer subcommand argument completions
        "_sigil_tx_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'build decode hash list status bump cancel rebroadcast proof show' -- "${cur}"))
        ;;
    esac
}

_sigil_tx_build() {
    repeating_flags=()
    non_repeating_flags=(--legacy --check-reverse --strict-permissions --no-verify --version -h --help)
    repeating_options=(--rpc)
    non_repeating_options=(--from --to --value --data --call --token --amount --gas-limit --max-fee --priority-fee --chain-id -o --output --keystore --network --config --timeout --agree --block-hash --color)
    __sigil_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--from')
        return
        ;;
    '--to')
        return
        ;;
    '--value')
        return
        ;;
    '--data')
        return
        ;;
    '--call')
        return
        ;;
    '--token')
        return
        ;;
    '--amount')
        return
        ;;
    '--gas-limit')
        return
        ;;
    '--max-fee')
        return
        ;;
    '--priority-fee')
        return
        ;;
    '--chain-id')
        return
        ;;
    '-o'|'--output')
        __sigil_add_completions -f
        return
        ;;
    '--keystore')
        __sigil_add_completions -d
        return
        ;;
    '--network')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion tx build -- --network "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--config')
        __sigil_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--rpc')
        return
        ;;
    '--timeout')
        return
        ;;
    '--agree')
        return
        ;;
    '--block-hash')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_tx_decode() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--batch --threads --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--batch')
        __sigil_add_completions -f
        return
        ;;
    '--threads')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_tx_hash() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_tx_list() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--address --chain-id --color)
    __sigil_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--address')
        return
        ;;
    '--chain-id')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_tx_status() {
    repeating_flags=()
    non_repeating_flags=(--no-verify --json --version -h --help)
    repeating_options=(--rpc)
    non_repeating_options=(--timeout --agree --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--rpc')
        return
        ;;
    '--timeout')
        return
        ;;
    '--agree')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_tx_bump() {
    repeating_flags=()
    non_repeating_flags=(--yes --strict-permissions --no-verify --p2p-only --json --version -h --help)
    repeating_options=(--rpc --peer)
    non_repeating_options=(--max-fee --priority-fee --chain-id --from --private-key-file --keystore --password-file --network --config --timeout --agree --block-hash --p2p-mode --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--max-fee')
        return
        ;;
    '--priority-fee')
        return
        ;;
    '--chain-id')
        return
        ;;
    '--from')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion tx bump -- --from "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--private-key-file')
        __sigil_add_completions -f
        return
        ;;
    '--keystore')
        __sigil_add_completions -d
        return
        ;;
    '--password-file')
        __sigil_add_completions -f
        return
        ;;
    '--network')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion tx bump -- --network "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--config')
        __sigil_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--rpc')
        return
        ;;
    '--timeout')
        return
        ;;
    '--agree')
        return
        ;;
    '--block-hash')
        return
        ;;
    '--peer')
        return
        ;;
    '--p2p-mode')
        __sigil_add_completions -W 'push'$'\n''announce'$'\n''auto'
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_tx_cancel() {
    repeating_flags=()
    non_repeating_flags=(--yes --strict-permissions --no-verify --p2p-only --json --version -h --help)
    repeating_options=(--rpc --peer)
    non_repeating_options=(--max-fee --priority-fee --chain-id --from --private-key-file --keystore --password-file --network --config --timeout --agree --block-hash --p2p-mode --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--max-fee')
        return
        ;;
    '--priority-fee')
        return
        ;;
    '--chain-id')
        return
        ;;
    '--from')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion tx cancel -- --from "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--private-key-file')
        __sigil_add_completions -f
        return
        ;;
    '--keystore')
        __sigil_add_completions -d
        return
        ;;
    '--password-file')
        __sigil_add_completions -f
        return
        ;;
    '--network')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion tx cancel -- --network "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--config')
        __sigil_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--rpc')
        return
        ;;
    '--timeout')
        return
        ;;
    '--agree')
        return
        ;;
    '--block-hash')
        return
        ;;
    '--peer')
        return
        ;;
    '--p2p-mode')
        __sigil_add_completions -W 'push'$'\n''announce'$'\n''auto'
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_tx_rebroadcast() {
    repeating_flags=()
    non_repeating_flags=(--no-verify --p2p-only --json --version -h --help)
    repeating_options=(--rpc --peer)
    non_repeating_options=(--quorum --network --config --timeout --agree --block-hash --p2p-mode --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--quorum')
        return
        ;;
    '--network')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion tx rebroadcast -- --network "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--config')
        __sigil_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--rpc')
        return
        ;;
    '--timeout')
        return
        ;;
    '--agree')
        return
        ;;
    '--block-hash')
        return
        ;;
    '--peer')
        return
        ;;
    '--p2p-mode')
        __sigil_add_completions -W 'push'$'\n''announce'$'\n''auto'
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_tx_proof() {
    repeating_flags=()
    non_repeating_flags=(--no-verify --json --version -h --help)
    repeating_options=(--rpc)
    non_repeating_options=(--output -o --network --config --timeout --agree --block-hash --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--output'|'-o')
        __sigil_add_completions -f
        return
        ;;
    '--network')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion tx proof -- --network "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--config')
        __sigil_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--rpc')
        return
        ;;
    '--timeout')
        return
        ;;
    '--agree')
        return
        ;;
    '--block-hash')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_tx_show() {
    repeating_flags=()
    non_repeating_flags=(--no-verify --json --version -h --help)
    repeating_options=(--rpc)
    non_repeating_options=(--network --config --timeout --agree --block-hash --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--network')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion tx show -- --network "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--config')
        __sigil_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--rpc')
        return
        ;;
    '--timeout')
        return
        ;;
    '--agree')
        return
        ;;
    '--block-hash')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_abi() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __sigil_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    encode|decode|selector|decode-event|decode-error)
        # Offer subcommand argument completions
        "_sigil_abi_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'encode decode selector decode-event decode-error' -- "${cur}"))
        ;;
    esac
}

_sigil_abi_encode() {
    repeating_flags=()
    non_repeating_flags=(--calldata --packed --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--color)
    __sigil_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_abi_decode() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--color)
    __sigil_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_abi_selector() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_abi_decode-event() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--topic)
    non_repeating_options=(--event --data --log --color)
    __sigil_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--event')
        return
        ;;
    '--topic')
        return
        ;;
    '--data')
        return
        ;;
    '--log')
        __sigil_add_completions -f
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_abi_decode-error() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--error-sig)
    non_repeating_options=(--color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--error-sig')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_hash() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __sigil_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    keccak|message)
        # Offer subcommand argument completions
        "_sigil_hash_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'keccak message' -- "${cur}"))
        ;;
    esac
}

_sigil_hash_keccak() {
    repeating_flags=()
    non_repeating_flags=(--text --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_hash_message() {
    repeating_flags=()
    non_repeating_flags=(--hex --text --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--file --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--file')
        __sigil_add_completions -f
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_address() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __sigil_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    checksum|compute)
        # Offer subcommand argument completions
        "_sigil_address_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'checksum compute' -- "${cur}"))
        ;;
    esac
}

_sigil_address_checksum() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_address_compute() {
    repeating_flags=()
    non_repeating_flags=(--create2 --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--deployer --nonce --salt --init-code --init-code-hash --color)
    __sigil_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--deployer')
        return
        ;;
    '--nonce')
        return
        ;;
    '--salt')
        return
        ;;
    '--init-code')
        return
        ;;
    '--init-code-hash')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_units() {
    repeating_flags=()
    non_repeating_flags=(--from-base --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--to --decimals --color)
    __sigil_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--to')
        __sigil_add_completions -W 'wei'$'\n''kwei'$'\n''mwei'$'\n''gwei'$'\n''szabo'$'\n''finney'$'\n''ether'
        return
        ;;
    '--decimals')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_config() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __sigil_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    show)
        # Offer subcommand argument completions
        "_sigil_config_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'show' -- "${cur}"))
        ;;
    esac
}

_sigil_config_show() {
    repeating_flags=()
    non_repeating_flags=(--no-verify --strict-permissions --json --version -h --help)
    repeating_options=(--rpc)
    non_repeating_options=(--network --config --timeout --agree --block-hash --from --keystore --color)
    __sigil_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--network')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion config show -- --network "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--config')
        __sigil_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--rpc')
        return
        ;;
    '--timeout')
        return
        ;;
    '--agree')
        return
        ;;
    '--block-hash')
        return
        ;;
    '--from')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion config show -- --from "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--keystore')
        __sigil_add_completions -d
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_send() {
    repeating_flags=()
    non_repeating_flags=(--legacy --check-reverse --dry-run --wait --yes --strict-permissions --no-verify --p2p-only --json --version -h --help)
    repeating_options=(--rpc --peer)
    non_repeating_options=(--to --value --data --call --token --amount --gas-limit --max-fee --priority-fee --chain-id --batch --batch-name --quorum --confirmations --wait-timeout --from --private-key-file --keystore --password-file --network --config --timeout --agree --block-hash --p2p-mode --color)
    __sigil_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--to')
        return
        ;;
    '--value')
        return
        ;;
    '--data')
        return
        ;;
    '--call')
        return
        ;;
    '--token')
        return
        ;;
    '--amount')
        return
        ;;
    '--gas-limit')
        return
        ;;
    '--max-fee')
        return
        ;;
    '--priority-fee')
        return
        ;;
    '--chain-id')
        return
        ;;
    '--batch')
        __sigil_add_completions -f
        return
        ;;
    '--batch-name')
        return
        ;;
    '--quorum')
        return
        ;;
    '--confirmations')
        return
        ;;
    '--wait-timeout')
        return
        ;;
    '--from')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion send -- --from "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--private-key-file')
        __sigil_add_completions -f
        return
        ;;
    '--keystore')
        __sigil_add_completions -d
        return
        ;;
    '--password-file')
        __sigil_add_completions -f
        return
        ;;
    '--network')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion send -- --network "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--config')
        __sigil_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--rpc')
        return
        ;;
    '--timeout')
        return
        ;;
    '--agree')
        return
        ;;
    '--block-hash')
        return
        ;;
    '--peer')
        return
        ;;
    '--p2p-mode')
        __sigil_add_completions -W 'push'$'\n''announce'$'\n''auto'
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_broadcast() {
    repeating_flags=()
    non_repeating_flags=(--wait --no-verify --p2p-only --json --version -h --help)
    repeating_options=(--rpc --peer)
    non_repeating_options=(--quorum --confirmations --wait-timeout --network --config --timeout --agree --block-hash --p2p-mode --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--quorum')
        return
        ;;
    '--confirmations')
        return
        ;;
    '--wait-timeout')
        return
        ;;
    '--network')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion broadcast -- --network "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--config')
        __sigil_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--rpc')
        return
        ;;
    '--timeout')
        return
        ;;
    '--agree')
        return
        ;;
    '--block-hash')
        return
        ;;
    '--peer')
        return
        ;;
    '--p2p-mode')
        __sigil_add_completions -W 'push'$'\n''announce'$'\n''auto'
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_p2p() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __sigil_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    ping)
        # Offer subcommand argument completions
        "_sigil_p2p_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'ping' -- "${cur}"))
        ;;
    esac
}

_sigil_p2p_ping() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--timeout --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--timeout')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_balance() {
    repeating_flags=()
    non_repeating_flags=(--no-verify --json --version -h --help)
    repeating_options=(--rpc)
    non_repeating_options=(--token --block --network --config --timeout --agree --block-hash --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--token')
        return
        ;;
    '--block')
        return
        ;;
    '--network')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion balance -- --network "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--config')
        __sigil_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--rpc')
        return
        ;;
    '--timeout')
        return
        ;;
    '--agree')
        return
        ;;
    '--block-hash')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_nonce() {
    repeating_flags=()
    non_repeating_flags=(--no-verify --json --version -h --help)
    repeating_options=(--rpc)
    non_repeating_options=(--block --network --config --timeout --agree --block-hash --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--block')
        return
        ;;
    '--network')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion nonce -- --network "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--config')
        __sigil_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--rpc')
        return
        ;;
    '--timeout')
        return
        ;;
    '--agree')
        return
        ;;
    '--block-hash')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_chain-id() {
    repeating_flags=()
    non_repeating_flags=(--no-verify --json --version -h --help)
    repeating_options=(--rpc)
    non_repeating_options=(--network --config --timeout --agree --block-hash --color)
    __sigil_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--network')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion chain-id -- --network "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--config')
        __sigil_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--rpc')
        return
        ;;
    '--timeout')
        return
        ;;
    '--agree')
        return
        ;;
    '--block-hash')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_fees() {
    repeating_flags=()
    non_repeating_flags=(--no-verify --json --version -h --help)
    repeating_options=(--rpc)
    non_repeating_options=(--network --config --timeout --agree --block-hash --color)
    __sigil_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--network')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion fees -- --network "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--config')
        __sigil_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--rpc')
        return
        ;;
    '--timeout')
        return
        ;;
    '--agree')
        return
        ;;
    '--block-hash')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_receipt() {
    repeating_flags=()
    non_repeating_flags=(--wait --no-verify --json --version -h --help)
    repeating_options=(--rpc)
    non_repeating_options=(--confirmations --wait-timeout --network --config --timeout --agree --block-hash --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--confirmations')
        return
        ;;
    '--wait-timeout')
        return
        ;;
    '--network')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion receipt -- --network "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--config')
        __sigil_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--rpc')
        return
        ;;
    '--timeout')
        return
        ;;
    '--agree')
        return
        ;;
    '--block-hash')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_block() {
    repeating_flags=()
    non_repeating_flags=(--no-verify --json --version -h --help)
    repeating_options=(--rpc)
    non_repeating_options=(--field --network --config --timeout --agree --block-hash --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--field')
        return
        ;;
    '--network')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion block -- --network "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--config')
        __sigil_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--rpc')
        return
        ;;
    '--timeout')
        return
        ;;
    '--agree')
        return
        ;;
    '--block-hash')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_block-number() {
    repeating_flags=()
    non_repeating_flags=(--no-verify --json --version -h --help)
    repeating_options=(--rpc)
    non_repeating_options=(--network --config --timeout --agree --block-hash --color)
    __sigil_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--network')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion block-number -- --network "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--config')
        __sigil_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--rpc')
        return
        ;;
    '--timeout')
        return
        ;;
    '--agree')
        return
        ;;
    '--block-hash')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_code() {
    repeating_flags=()
    non_repeating_flags=(--no-verify --json --version -h --help)
    repeating_options=(--rpc)
    non_repeating_options=(--block --network --config --timeout --agree --block-hash --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--block')
        return
        ;;
    '--network')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion code -- --network "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--config')
        __sigil_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--rpc')
        return
        ;;
    '--timeout')
        return
        ;;
    '--agree')
        return
        ;;
    '--block-hash')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_storage() {
    repeating_flags=()
    non_repeating_flags=(--no-verify --json --version -h --help)
    repeating_options=(--rpc)
    non_repeating_options=(--block --network --config --timeout --agree --block-hash --color)
    __sigil_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--block')
        return
        ;;
    '--network')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion storage -- --network "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--config')
        __sigil_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--rpc')
        return
        ;;
    '--timeout')
        return
        ;;
    '--agree')
        return
        ;;
    '--block-hash')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_rpc() {
    repeating_flags=()
    non_repeating_flags=(--no-verify --json --version -h --help)
    repeating_options=(--rpc)
    non_repeating_options=(--network --config --timeout --agree --block-hash --color)
    __sigil_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--network')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion rpc -- --network "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--config')
        __sigil_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--rpc')
        return
        ;;
    '--timeout')
        return
        ;;
    '--agree')
        return
        ;;
    '--block-hash')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_ens() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __sigil_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    resolve|lookup|namehash)
        # Offer subcommand argument completions
        "_sigil_ens_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'resolve lookup namehash' -- "${cur}"))
        ;;
    esac
}

_sigil_ens_resolve() {
    repeating_flags=()
    non_repeating_flags=(--check-reverse --no-verify --json --version -h --help)
    repeating_options=(--rpc)
    non_repeating_options=(--network --config --timeout --agree --block-hash --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--network')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion ens resolve -- --network "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--config')
        __sigil_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--rpc')
        return
        ;;
    '--timeout')
        return
        ;;
    '--agree')
        return
        ;;
    '--block-hash')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_ens_lookup() {
    repeating_flags=()
    non_repeating_flags=(--no-verify --json --version -h --help)
    repeating_options=(--rpc)
    non_repeating_options=(--network --config --timeout --agree --block-hash --color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--network')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion ens lookup -- --network "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--config')
        __sigil_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--rpc')
        return
        ;;
    '--timeout')
        return
        ;;
    '--agree')
        return
        ;;
    '--block-hash')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_ens_namehash() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--color)
    __sigil_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_call() {
    repeating_flags=()
    non_repeating_flags=(--raw --no-verify --json --version -h --help)
    repeating_options=(--error-sig --rpc)
    non_repeating_options=(--from --value --block --data --network --config --timeout --agree --block-hash --color)
    __sigil_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--from')
        return
        ;;
    '--value')
        return
        ;;
    '--block')
        return
        ;;
    '--data')
        return
        ;;
    '--error-sig')
        return
        ;;
    '--network')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion call -- --network "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--config')
        __sigil_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--rpc')
        return
        ;;
    '--timeout')
        return
        ;;
    '--agree')
        return
        ;;
    '--block-hash')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_estimate() {
    repeating_flags=()
    non_repeating_flags=(--no-verify --json --version -h --help)
    repeating_options=(--error-sig --rpc)
    non_repeating_options=(--from --value --block --data --network --config --timeout --agree --block-hash --color)
    __sigil_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--from')
        return
        ;;
    '--value')
        return
        ;;
    '--block')
        return
        ;;
    '--data')
        return
        ;;
    '--error-sig')
        return
        ;;
    '--network')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion estimate -- --network "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--config')
        __sigil_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--rpc')
        return
        ;;
    '--timeout')
        return
        ;;
    '--agree')
        return
        ;;
    '--block-hash')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_access-list() {
    repeating_flags=()
    non_repeating_flags=(--no-verify --json --version -h --help)
    repeating_options=(--error-sig --rpc)
    non_repeating_options=(--from --value --block --data --network --config --timeout --agree --block-hash --color)
    __sigil_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--from')
        return
        ;;
    '--value')
        return
        ;;
    '--block')
        return
        ;;
    '--data')
        return
        ;;
    '--error-sig')
        return
        ;;
    '--network')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion access-list -- --network "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--config')
        __sigil_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--rpc')
        return
        ;;
    '--timeout')
        return
        ;;
    '--agree')
        return
        ;;
    '--block-hash')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_logs() {
    repeating_flags=()
    non_repeating_flags=(--no-verify --json --version -h --help)
    repeating_options=(--address --event --topic --rpc)
    non_repeating_options=(--from-block --to-block --chunk-size --network --config --timeout --agree --block-hash --color)
    __sigil_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--address')
        return
        ;;
    '--event')
        return
        ;;
    '--topic')
        return
        ;;
    '--from-block')
        return
        ;;
    '--to-block')
        return
        ;;
    '--chunk-size')
        return
        ;;
    '--network')
        __sigil_add_completions -W "$(__sigil_custom_complete ---completion logs -- --network "${COMP_CWORD}" "$(__sigil_cursor_index_in_current_word)")"
        return
        ;;
    '--config')
        __sigil_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--rpc')
        return
        ;;
    '--timeout')
        return
        ;;
    '--agree')
        return
        ;;
    '--block-hash')
        return
        ;;
    '--color')
        __sigil_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_sigil_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __sigil_offer_flags_options -1
}

complete -o filenames -F _sigil sigil
