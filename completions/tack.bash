#!/bin/bash

__tack_cursor_index_in_current_word() {
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
__tack_offer_flags_options() {
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

__tack_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__tack_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_tack() {
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
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    get|export|build|diff|kustomize|version|completion|reconcile|suspend|resume|canary|promote|bootstrap|install|create|delete|uninstall|check|secrets|events|stats|tree|trace|logs|debug|ui|push|pull|tag|list|help)
        # Offer subcommand argument completions
        "_tack_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'get export build diff kustomize version completion reconcile suspend resume canary promote bootstrap install create delete uninstall check secrets events stats tree trace logs debug ui push pull tag list help' -- "${cur}"))
        ;;
    esac
}

_tack_get() {
    repeating_flags=()
    non_repeating_flags=(--insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout --raw)
    __tack_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--raw')
        return
        ;;
    esac

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    all|sources|kustomizations|helmreleases|alerts|alert-providers|receivers|images|artifacts|canaries|metrictemplates|alertproviders)
        # Offer subcommand argument completions
        "_tack_get_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'all sources kustomizations helmreleases alerts alert-providers receivers images artifacts canaries metrictemplates alertproviders' -- "${cur}"))
        ;;
    esac
}

_tack_get_all() {
    repeating_flags=()
    non_repeating_flags=(-A --all-namespaces -w --watch --no-header --show-managed-fields --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --all-contexts --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--status-selector -l --label-selector -o --output --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout --contexts)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--status-selector')
        return
        ;;
    '-l'|'--label-selector')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''name'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--contexts')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion get all -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_get_sources() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    all|git|oci|helm|chart|bucket|external)
        # Offer subcommand argument completions
        "_tack_get_sources_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'all git oci helm chart bucket external' -- "${cur}"))
        ;;
    esac
}

_tack_get_sources_all() {
    repeating_flags=()
    non_repeating_flags=(-A --all-namespaces -w --watch --no-header --show-managed-fields --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --all-contexts --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--status-selector -l --label-selector -o --output --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout --contexts)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--status-selector')
        return
        ;;
    '-l'|'--label-selector')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''name'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--contexts')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion get sources all -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_get_sources_git() {
    repeating_flags=()
    non_repeating_flags=(-A --all-namespaces -w --watch --no-header --show-managed-fields --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --all-contexts --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--status-selector -l --label-selector -o --output --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout --contexts)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--status-selector')
        return
        ;;
    '-l'|'--label-selector')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''name'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--contexts')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion get sources git -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_get_sources_oci() {
    repeating_flags=()
    non_repeating_flags=(-A --all-namespaces -w --watch --no-header --show-managed-fields --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --all-contexts --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--status-selector -l --label-selector -o --output --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout --contexts)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--status-selector')
        return
        ;;
    '-l'|'--label-selector')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''name'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--contexts')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion get sources oci -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_get_sources_helm() {
    repeating_flags=()
    non_repeating_flags=(-A --all-namespaces -w --watch --no-header --show-managed-fields --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --all-contexts --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--status-selector -l --label-selector -o --output --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout --contexts)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--status-selector')
        return
        ;;
    '-l'|'--label-selector')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''name'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--contexts')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion get sources helm -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_get_sources_chart() {
    repeating_flags=()
    non_repeating_flags=(-A --all-namespaces -w --watch --no-header --show-managed-fields --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --all-contexts --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--status-selector -l --label-selector -o --output --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout --contexts)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--status-selector')
        return
        ;;
    '-l'|'--label-selector')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''name'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--contexts')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion get sources chart -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_get_sources_bucket() {
    repeating_flags=()
    non_repeating_flags=(-A --all-namespaces -w --watch --no-header --show-managed-fields --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --all-contexts --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--status-selector -l --label-selector -o --output --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout --contexts)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--status-selector')
        return
        ;;
    '-l'|'--label-selector')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''name'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--contexts')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion get sources bucket -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_get_sources_external() {
    repeating_flags=()
    non_repeating_flags=(-A --all-namespaces -w --watch --no-header --show-managed-fields --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --all-contexts --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--status-selector -l --label-selector -o --output --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout --contexts)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--status-selector')
        return
        ;;
    '-l'|'--label-selector')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''name'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--contexts')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion get sources external -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_get_kustomizations() {
    repeating_flags=()
    non_repeating_flags=(-A --all-namespaces -w --watch --no-header --show-managed-fields --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --all-contexts --show-source --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--status-selector -l --label-selector -o --output --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout --contexts)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--status-selector')
        return
        ;;
    '-l'|'--label-selector')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''name'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--contexts')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion get kustomizations -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_get_helmreleases() {
    repeating_flags=()
    non_repeating_flags=(-A --all-namespaces -w --watch --no-header --show-managed-fields --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --all-contexts --show-source --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--status-selector -l --label-selector -o --output --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout --contexts)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--status-selector')
        return
        ;;
    '-l'|'--label-selector')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''name'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--contexts')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion get helmreleases -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_get_alerts() {
    repeating_flags=()
    non_repeating_flags=(-A --all-namespaces -w --watch --no-header --show-managed-fields --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --all-contexts --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--status-selector -l --label-selector -o --output --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout --contexts)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--status-selector')
        return
        ;;
    '-l'|'--label-selector')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''name'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--contexts')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion get alerts -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_get_alert-providers() {
    repeating_flags=()
    non_repeating_flags=(-A --all-namespaces -w --watch --no-header --show-managed-fields --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --all-contexts --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--status-selector -l --label-selector -o --output --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout --contexts)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--status-selector')
        return
        ;;
    '-l'|'--label-selector')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''name'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--contexts')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion get alert-providers -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_get_receivers() {
    repeating_flags=()
    non_repeating_flags=(-A --all-namespaces -w --watch --no-header --show-managed-fields --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --all-contexts --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--status-selector -l --label-selector -o --output --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout --contexts)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--status-selector')
        return
        ;;
    '-l'|'--label-selector')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''name'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--contexts')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion get receivers -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_get_images() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    all|repository|policy|update)
        # Offer subcommand argument completions
        "_tack_get_images_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'all repository policy update' -- "${cur}"))
        ;;
    esac
}

_tack_get_images_all() {
    repeating_flags=()
    non_repeating_flags=(-A --all-namespaces -w --watch --no-header --show-managed-fields --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --all-contexts --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--status-selector -l --label-selector -o --output --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout --contexts)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--status-selector')
        return
        ;;
    '-l'|'--label-selector')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''name'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--contexts')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion get images all -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_get_images_repository() {
    repeating_flags=()
    non_repeating_flags=(-A --all-namespaces -w --watch --no-header --show-managed-fields --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --all-contexts --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--status-selector -l --label-selector -o --output --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout --contexts)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--status-selector')
        return
        ;;
    '-l'|'--label-selector')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''name'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--contexts')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion get images repository -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_get_images_policy() {
    repeating_flags=()
    non_repeating_flags=(-A --all-namespaces -w --watch --no-header --show-managed-fields --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --all-contexts --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--status-selector -l --label-selector -o --output --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout --contexts)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--status-selector')
        return
        ;;
    '-l'|'--label-selector')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''name'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--contexts')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion get images policy -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_get_images_update() {
    repeating_flags=()
    non_repeating_flags=(-A --all-namespaces -w --watch --no-header --show-managed-fields --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --all-contexts --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--status-selector -l --label-selector -o --output --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout --contexts)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--status-selector')
        return
        ;;
    '-l'|'--label-selector')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''name'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--contexts')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion get images update -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_get_artifacts() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    generators)
        # Offer subcommand argument completions
        "_tack_get_artifacts_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'generators' -- "${cur}"))
        ;;
    esac
}

_tack_get_artifacts_generators() {
    repeating_flags=()
    non_repeating_flags=(-A --all-namespaces -w --watch --no-header --show-managed-fields --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --all-contexts --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--status-selector -l --label-selector -o --output --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout --contexts)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--status-selector')
        return
        ;;
    '-l'|'--label-selector')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''name'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--contexts')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion get artifacts generators -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_get_canaries() {
    repeating_flags=()
    non_repeating_flags=(-A --all-namespaces -w --watch --no-header --show-managed-fields --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --all-contexts --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--status-selector -l --label-selector -o --output --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout --contexts)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--status-selector')
        return
        ;;
    '-l'|'--label-selector')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''name'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--contexts')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion get canaries -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_get_metrictemplates() {
    repeating_flags=()
    non_repeating_flags=(-A --all-namespaces -w --watch --no-header --show-managed-fields --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --all-contexts --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--status-selector -l --label-selector -o --output --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout --contexts)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--status-selector')
        return
        ;;
    '-l'|'--label-selector')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''name'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--contexts')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion get metrictemplates -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_get_alertproviders() {
    repeating_flags=()
    non_repeating_flags=(-A --all-namespaces -w --watch --no-header --show-managed-fields --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --all-contexts --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--status-selector -l --label-selector -o --output --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout --contexts)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--status-selector')
        return
        ;;
    '-l'|'--label-selector')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''name'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--contexts')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion get alertproviders -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_export() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    source|kustomization|helmrelease|alert|alert-provider|receiver|image|artifact)
        # Offer subcommand argument completions
        "_tack_export_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'source kustomization helmrelease alert alert-provider receiver image artifact' -- "${cur}"))
        ;;
    esac
}

_tack_export_source() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    git|oci|helm|chart|bucket|external)
        # Offer subcommand argument completions
        "_tack_export_source_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'git oci helm chart bucket external' -- "${cur}"))
        ;;
    esac
}

_tack_export_source_git() {
    repeating_flags=()
    non_repeating_flags=(--all --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --with-credentials --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion export source git -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_export_source_oci() {
    repeating_flags=()
    non_repeating_flags=(--all --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --with-credentials --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion export source oci -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_export_source_helm() {
    repeating_flags=()
    non_repeating_flags=(--all --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --with-credentials --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion export source helm -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_export_source_chart() {
    repeating_flags=()
    non_repeating_flags=(--all --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion export source chart -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_export_source_bucket() {
    repeating_flags=()
    non_repeating_flags=(--all --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --with-credentials --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion export source bucket -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_export_source_external() {
    repeating_flags=()
    non_repeating_flags=(--all --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion export source external -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_export_kustomization() {
    repeating_flags=()
    non_repeating_flags=(--all --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion export kustomization -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_export_helmrelease() {
    repeating_flags=()
    non_repeating_flags=(--all --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion export helmrelease -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_export_alert() {
    repeating_flags=()
    non_repeating_flags=(--all --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion export alert -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_export_alert-provider() {
    repeating_flags=()
    non_repeating_flags=(--all --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion export alert-provider -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_export_receiver() {
    repeating_flags=()
    non_repeating_flags=(--all --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion export receiver -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_export_image() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    repository|policy|update)
        # Offer subcommand argument completions
        "_tack_export_image_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'repository policy update' -- "${cur}"))
        ;;
    esac
}

_tack_export_image_repository() {
    repeating_flags=()
    non_repeating_flags=(--all --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion export image repository -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_export_image_policy() {
    repeating_flags=()
    non_repeating_flags=(--all --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion export image policy -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_export_image_update() {
    repeating_flags=()
    non_repeating_flags=(--all --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion export image update -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_export_artifact() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    generator)
        # Offer subcommand argument completions
        "_tack_export_artifact_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'generator' -- "${cur}"))
        ;;
    esac
}

_tack_export_artifact_generator() {
    repeating_flags=()
    non_repeating_flags=(--all --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion export artifact generator -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_build() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    kustomization|artifact)
        # Offer subcommand argument completions
        "_tack_build_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'kustomization artifact' -- "${cur}"))
        ;;
    esac
}

_tack_build_kustomization() {
    repeating_flags=()
    non_repeating_flags=(--strict-substitute --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --dry-run --version -h --help)
    repeating_options=(--ignore-paths --as-group)
    non_repeating_options=(--path --kustomization-file --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--path')
        __tack_add_completions -d
        return
        ;;
    '--kustomization-file')
        __tack_add_completions -f
        return
        ;;
    '--ignore-paths')
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion build kustomization -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_build_artifact() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=(--ignore-paths --add-ignore-paths)
    non_repeating_options=(-p --path -o --output)
    __tack_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--ignore-paths')
        return
        ;;
    '--add-ignore-paths')
        return
        ;;
    '-p'|'--path')
        __tack_add_completions -f
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -f
        return
        ;;
    esac
}

_tack_diff() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    kustomization|artifact)
        # Offer subcommand argument completions
        "_tack_diff_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'kustomization artifact' -- "${cur}"))
        ;;
    esac
}

_tack_diff_kustomization() {
    repeating_flags=()
    non_repeating_flags=(--strict-substitute --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --ignore-not-found --all --version -h --help)
    repeating_options=(--ignore-paths --as-group --source)
    non_repeating_options=(--path --kustomization-file --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout -o --output --path-root)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--path')
        __tack_add_completions -d
        return
        ;;
    '--kustomization-file')
        __tack_add_completions -f
        return
        ;;
    '--ignore-paths')
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--path-root')
        __tack_add_completions -d
        return
        ;;
    '--source')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W "$(__tack_custom_complete ---completion diff kustomization -- positional@0 "${COMP_CWORD}" "$(__tack_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_tack_diff_artifact() {
    repeating_flags=()
    non_repeating_flags=(--insecure-registry --verbose --version -h --help)
    repeating_options=(--ignore-paths --add-ignore-paths)
    non_repeating_options=(-f --path --creds --provider --ca-file)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-f'|'--path')
        __tack_add_completions -f
        return
        ;;
    '--ignore-paths')
        return
        ;;
    '--add-ignore-paths')
        return
        ;;
    '--creds')
        return
        ;;
    '--provider')
        return
        ;;
    '--ca-file')
        __tack_add_completions -f
        return
        ;;
    esac
}

_tack_kustomize() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 1

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -d
        return
        ;;
    esac
}

_tack_version() {
    repeating_flags=()
    non_repeating_flags=(--client --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(-o --output --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-o'|'--output')
        __tack_add_completions -W 'yaml'$'\n''json'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_completion() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 1

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tack_add_completions -W 'bash'$'\n''zsh'$'\n''fish'
        return
        ;;
    esac
}

_tack_reconcile() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    source|kustomization|helmrelease|receiver|image)
        # Offer subcommand argument completions
        "_tack_reconcile_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'source kustomization helmrelease receiver image' -- "${cur}"))
        ;;
    esac
}

_tack_reconcile_source() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    git|oci|helm|chart|bucket)
        # Offer subcommand argument completions
        "_tack_reconcile_source_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'git oci helm chart bucket' -- "${cur}"))
        ;;
    esac
}

_tack_reconcile_source_git() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_reconcile_source_oci() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_reconcile_source_helm() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_reconcile_source_chart() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --with-source --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_reconcile_source_bucket() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_reconcile_kustomization() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --with-source --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_reconcile_helmrelease() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --with-source --force --reset --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_reconcile_receiver() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_reconcile_image() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    repository|policy|update)
        # Offer subcommand argument completions
        "_tack_reconcile_image_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'repository policy update' -- "${cur}"))
        ;;
    esac
}

_tack_reconcile_image_repository() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_reconcile_image_policy() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_reconcile_image_update() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_suspend() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    source|kustomization|helmrelease|receiver|image|alert|alert-provider|canary)
        # Offer subcommand argument completions
        "_tack_suspend_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'source kustomization helmrelease receiver image alert alert-provider canary' -- "${cur}"))
        ;;
    esac
}

_tack_suspend_source() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    git|oci|helm|chart|bucket)
        # Offer subcommand argument completions
        "_tack_suspend_source_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'git oci helm chart bucket' -- "${cur}"))
        ;;
    esac
}

_tack_suspend_source_git() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_suspend_source_oci() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_suspend_source_helm() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_suspend_source_chart() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_suspend_source_bucket() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_suspend_kustomization() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_suspend_helmrelease() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_suspend_receiver() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_suspend_image() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    repository|policy|update)
        # Offer subcommand argument completions
        "_tack_suspend_image_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'repository policy update' -- "${cur}"))
        ;;
    esac
}

_tack_suspend_image_repository() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_suspend_image_policy() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_suspend_image_update() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_suspend_alert() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_suspend_alert-provider() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_suspend_canary() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_resume() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    source|kustomization|helmrelease|receiver|image|alert|alert-provider|canary)
        # Offer subcommand argument completions
        "_tack_resume_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'source kustomization helmrelease receiver image alert alert-provider canary' -- "${cur}"))
        ;;
    esac
}

_tack_resume_source() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    git|oci|helm|chart|bucket)
        # Offer subcommand argument completions
        "_tack_resume_source_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'git oci helm chart bucket' -- "${cur}"))
        ;;
    esac
}

_tack_resume_source_git() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_resume_source_oci() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_resume_source_helm() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_resume_source_chart() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_resume_source_bucket() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_resume_kustomization() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_resume_helmrelease() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_resume_receiver() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_resume_image() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    repository|policy|update)
        # Offer subcommand argument completions
        "_tack_resume_image_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'repository policy update' -- "${cur}"))
        ;;
    esac
}

_tack_resume_image_repository() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_resume_image_policy() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_resume_image_update() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_resume_alert() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_resume_alert-provider() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_resume_canary() {
    repeating_flags=()
    non_repeating_flags=(--all -A --all-namespaces --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_canary() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    status|abort|retry)
        # Offer subcommand argument completions
        "_tack_canary_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'status abort retry' -- "${cur}"))
        ;;
    esac
}

_tack_canary_status() {
    repeating_flags=()
    non_repeating_flags=(--insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context -w --watch --wait --success-on-gate --no-header --all-contexts --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout -o --output --contexts)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''name'
        return
        ;;
    '--contexts')
        return
        ;;
    esac
}

_tack_canary_abort() {
    repeating_flags=()
    non_repeating_flags=(--insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_canary_retry() {
    repeating_flags=()
    non_repeating_flags=(--insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --wait --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_promote() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    canary|helmrelease)
        # Offer subcommand argument completions
        "_tack_promote_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'canary helmrelease' -- "${cur}"))
        ;;
    esac
}

_tack_promote_canary() {
    repeating_flags=()
    non_repeating_flags=(--insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --full --keep-gate-open --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_promote_helmrelease() {
    repeating_flags=()
    non_repeating_flags=(--insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --from-cluster --dry-run --push --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout --to-path --from-path --version --repo-dir --url --branch --pr-branch --provider --hostname -u --username --ca-file --author-name --author-email)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--to-path')
        return
        ;;
    '--from-path')
        return
        ;;
    '--version')
        return
        ;;
    '--repo-dir')
        return
        ;;
    '--url')
        return
        ;;
    '--branch')
        return
        ;;
    '--pr-branch')
        return
        ;;
    '--provider')
        return
        ;;
    '--hostname')
        return
        ;;
    '-u'|'--username')
        return
        ;;
    '--ca-file')
        return
        ;;
    '--author-name')
        return
        ;;
    '--author-email')
        return
        ;;
    esac
}

_tack_bootstrap() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    git|github|gitlab|gitea|bitbucket-server)
        # Offer subcommand argument completions
        "_tack_bootstrap_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'git github gitlab gitea bitbucket-server' -- "${cur}"))
        ;;
    esac
}

_tack_bootstrap_git() {
    repeating_flags=()
    non_repeating_flags=(--insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --insecure-skip-checksum --token-auth --with-bearer-token --password-stdin --recurse-submodules -s --silent --allow-insecure-http --force --dry-run --no-push --version -h --help)
    repeating_options=(--as-group --components --components-extra)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout -v --version --manifests --url --branch --path --interval --secret-name -u --username -p --password --private-key-file --ca-file --ssh-key-algorithm --ssh-ecdsa-curve --ssh-rsa-bits --ssh-hostname --author-name --author-email --commit-message-appendix)
    __tack_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--components')
        return
        ;;
    '--components-extra')
        return
        ;;
    '-v'|'--version')
        return
        ;;
    '--manifests')
        return
        ;;
    '--url')
        return
        ;;
    '--branch')
        return
        ;;
    '--path')
        return
        ;;
    '--interval')
        return
        ;;
    '--secret-name')
        return
        ;;
    '-u'|'--username')
        return
        ;;
    '-p'|'--password')
        return
        ;;
    '--private-key-file')
        return
        ;;
    '--ca-file')
        return
        ;;
    '--ssh-key-algorithm')
        return
        ;;
    '--ssh-ecdsa-curve')
        return
        ;;
    '--ssh-rsa-bits')
        return
        ;;
    '--ssh-hostname')
        return
        ;;
    '--author-name')
        return
        ;;
    '--author-email')
        return
        ;;
    '--commit-message-appendix')
        return
        ;;
    esac
}

_tack_bootstrap_github() {
    repeating_flags=()
    non_repeating_flags=(--insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --insecure-skip-checksum --personal --read-write-key --reconcile --token-auth --token-stdin --recurse-submodules --force --version -h --help)
    repeating_options=(--as-group --components --components-extra --team)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout -v --version --manifests --owner --repository --private --hostname --ssh-hostname --branch --path --interval --secret-name --ca-file --ssh-key-algorithm --ssh-ecdsa-curve --ssh-rsa-bits --author-name --author-email --commit-message-appendix)
    __tack_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--components')
        return
        ;;
    '--components-extra')
        return
        ;;
    '-v'|'--version')
        return
        ;;
    '--manifests')
        return
        ;;
    '--owner')
        return
        ;;
    '--repository')
        return
        ;;
    '--private')
        return
        ;;
    '--hostname')
        return
        ;;
    '--ssh-hostname')
        return
        ;;
    '--branch')
        return
        ;;
    '--path')
        return
        ;;
    '--interval')
        return
        ;;
    '--secret-name')
        return
        ;;
    '--ca-file')
        return
        ;;
    '--ssh-key-algorithm')
        return
        ;;
    '--ssh-ecdsa-curve')
        return
        ;;
    '--ssh-rsa-bits')
        return
        ;;
    '--author-name')
        return
        ;;
    '--author-email')
        return
        ;;
    '--commit-message-appendix')
        return
        ;;
    '--team')
        return
        ;;
    esac
}

_tack_bootstrap_gitlab() {
    repeating_flags=()
    non_repeating_flags=(--insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --insecure-skip-checksum --personal --read-write-key --reconcile --token-auth --token-stdin --recurse-submodules --force --version -h --help)
    repeating_options=(--as-group --components --components-extra --team)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout -v --version --manifests --owner --repository --private --hostname --ssh-hostname --branch --path --interval --secret-name --ca-file --ssh-key-algorithm --ssh-ecdsa-curve --ssh-rsa-bits --author-name --author-email --commit-message-appendix --visibility)
    __tack_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--components')
        return
        ;;
    '--components-extra')
        return
        ;;
    '-v'|'--version')
        return
        ;;
    '--manifests')
        return
        ;;
    '--owner')
        return
        ;;
    '--repository')
        return
        ;;
    '--private')
        return
        ;;
    '--hostname')
        return
        ;;
    '--ssh-hostname')
        return
        ;;
    '--branch')
        return
        ;;
    '--path')
        return
        ;;
    '--interval')
        return
        ;;
    '--secret-name')
        return
        ;;
    '--ca-file')
        return
        ;;
    '--ssh-key-algorithm')
        return
        ;;
    '--ssh-ecdsa-curve')
        return
        ;;
    '--ssh-rsa-bits')
        return
        ;;
    '--author-name')
        return
        ;;
    '--author-email')
        return
        ;;
    '--commit-message-appendix')
        return
        ;;
    '--team')
        return
        ;;
    '--visibility')
        return
        ;;
    esac
}

_tack_bootstrap_gitea() {
    repeating_flags=()
    non_repeating_flags=(--insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --insecure-skip-checksum --personal --read-write-key --reconcile --token-auth --token-stdin --recurse-submodules --force --version -h --help)
    repeating_options=(--as-group --components --components-extra --team)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout -v --version --manifests --owner --repository --private --hostname --ssh-hostname --branch --path --interval --secret-name --ca-file --ssh-key-algorithm --ssh-ecdsa-curve --ssh-rsa-bits --author-name --author-email --commit-message-appendix)
    __tack_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--components')
        return
        ;;
    '--components-extra')
        return
        ;;
    '-v'|'--version')
        return
        ;;
    '--manifests')
        return
        ;;
    '--owner')
        return
        ;;
    '--repository')
        return
        ;;
    '--private')
        return
        ;;
    '--hostname')
        return
        ;;
    '--ssh-hostname')
        return
        ;;
    '--branch')
        return
        ;;
    '--path')
        return
        ;;
    '--interval')
        return
        ;;
    '--secret-name')
        return
        ;;
    '--ca-file')
        return
        ;;
    '--ssh-key-algorithm')
        return
        ;;
    '--ssh-ecdsa-curve')
        return
        ;;
    '--ssh-rsa-bits')
        return
        ;;
    '--author-name')
        return
        ;;
    '--author-email')
        return
        ;;
    '--commit-message-appendix')
        return
        ;;
    '--team')
        return
        ;;
    esac
}

_tack_bootstrap_bitbucket-server() {
    repeating_flags=()
    non_repeating_flags=(--insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --insecure-skip-checksum --personal --read-write-key --reconcile --token-auth --token-stdin --recurse-submodules --force --version -h --help)
    repeating_options=(--as-group --components --components-extra --group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout -v --version --manifests --owner --repository --private --hostname --ssh-hostname --branch --path --interval --secret-name --ca-file --ssh-key-algorithm --ssh-ecdsa-curve --ssh-rsa-bits --author-name --author-email --commit-message-appendix -u --username)
    __tack_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--components')
        return
        ;;
    '--components-extra')
        return
        ;;
    '-v'|'--version')
        return
        ;;
    '--manifests')
        return
        ;;
    '--owner')
        return
        ;;
    '--repository')
        return
        ;;
    '--private')
        return
        ;;
    '--hostname')
        return
        ;;
    '--ssh-hostname')
        return
        ;;
    '--branch')
        return
        ;;
    '--path')
        return
        ;;
    '--interval')
        return
        ;;
    '--secret-name')
        return
        ;;
    '--ca-file')
        return
        ;;
    '--ssh-key-algorithm')
        return
        ;;
    '--ssh-ecdsa-curve')
        return
        ;;
    '--ssh-rsa-bits')
        return
        ;;
    '--author-name')
        return
        ;;
    '--author-email')
        return
        ;;
    '--commit-message-appendix')
        return
        ;;
    '--group')
        return
        ;;
    '-u'|'--username')
        return
        ;;
    esac
}

_tack_install() {
    repeating_flags=()
    non_repeating_flags=(--insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --insecure-skip-checksum --export --force --version -h --help)
    repeating_options=(--as-group --components --components-extra)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout -v --version --manifests)
    __tack_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--components')
        return
        ;;
    '--components-extra')
        return
        ;;
    '-v'|'--version')
        return
        ;;
    '--manifests')
        return
        ;;
    esac
}

_tack_create() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    source|kustomization|helmrelease|alert-provider|alert|receiver|image|tenant|secret)
        # Offer subcommand argument completions
        "_tack_create_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'source kustomization helmrelease alert-provider alert receiver image tenant secret' -- "${cur}"))
        ;;
    esac
}

_tack_create_source() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    git|helm|oci|bucket|chart)
        # Offer subcommand argument completions
        "_tack_create_source_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'git helm oci bucket chart' -- "${cur}"))
        ;;
    esac
}

_tack_create_source_git() {
    repeating_flags=()
    non_repeating_flags=(-s --silent --recurse-submodules --export --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--ignore-paths --sparse-checkout-paths --label --as-group)
    non_repeating_options=(--url --branch --tag --tag-semver --ref-name --commit --secret-ref --proxy-secret-ref --provider -u --username -p --password --ssh-key-algorithm --ssh-ecdsa-curve --ssh-rsa-bits --private-key-file --ca-file --fetch-timeout --interval -o --output --dry-run --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--url')
        return
        ;;
    '--branch')
        return
        ;;
    '--tag')
        return
        ;;
    '--tag-semver')
        return
        ;;
    '--ref-name')
        return
        ;;
    '--commit')
        return
        ;;
    '--secret-ref')
        return
        ;;
    '--proxy-secret-ref')
        return
        ;;
    '--provider')
        return
        ;;
    '-u'|'--username')
        return
        ;;
    '-p'|'--password')
        return
        ;;
    '--ssh-key-algorithm')
        return
        ;;
    '--ssh-ecdsa-curve')
        return
        ;;
    '--ssh-rsa-bits')
        return
        ;;
    '--private-key-file')
        return
        ;;
    '--ca-file')
        return
        ;;
    '--ignore-paths')
        return
        ;;
    '--sparse-checkout-paths')
        return
        ;;
    '--fetch-timeout')
        return
        ;;
    '--interval')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'yaml'$'\n''json'
        return
        ;;
    '--label')
        return
        ;;
    '--dry-run')
        __tack_add_completions -W 'none'$'\n''server'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_create_source_helm() {
    repeating_flags=()
    non_repeating_flags=(--pass-credentials --export --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--label --as-group)
    non_repeating_options=(--url --secret-ref --oci-provider -u --username -p --password --ca-file --fetch-timeout --interval -o --output --dry-run --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--url')
        return
        ;;
    '--secret-ref')
        return
        ;;
    '--oci-provider')
        return
        ;;
    '-u'|'--username')
        return
        ;;
    '-p'|'--password')
        return
        ;;
    '--ca-file')
        return
        ;;
    '--fetch-timeout')
        return
        ;;
    '--interval')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'yaml'$'\n''json'
        return
        ;;
    '--label')
        return
        ;;
    '--dry-run')
        __tack_add_completions -W 'none'$'\n''server'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_create_source_oci() {
    repeating_flags=()
    non_repeating_flags=(--insecure --export --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--ignore-paths --label --as-group)
    non_repeating_options=(--url --tag --tag-semver --digest --secret-ref --proxy-secret-ref --service-account --cert-ref --provider --verify-provider --verify-secret-ref --verify-issuer --verify-subject --layer-selector --fetch-timeout --interval -o --output --dry-run --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--url')
        return
        ;;
    '--tag')
        return
        ;;
    '--tag-semver')
        return
        ;;
    '--digest')
        return
        ;;
    '--secret-ref')
        return
        ;;
    '--proxy-secret-ref')
        return
        ;;
    '--service-account')
        return
        ;;
    '--cert-ref')
        return
        ;;
    '--provider')
        return
        ;;
    '--verify-provider')
        return
        ;;
    '--verify-secret-ref')
        return
        ;;
    '--verify-issuer')
        return
        ;;
    '--verify-subject')
        return
        ;;
    '--ignore-paths')
        return
        ;;
    '--layer-selector')
        return
        ;;
    '--fetch-timeout')
        return
        ;;
    '--interval')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'yaml'$'\n''json'
        return
        ;;
    '--label')
        return
        ;;
    '--dry-run')
        __tack_add_completions -W 'none'$'\n''server'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_create_source_bucket() {
    repeating_flags=()
    non_repeating_flags=(--insecure --export --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--ignore-paths --label --as-group)
    non_repeating_options=(--bucket-name --endpoint --provider --region --access-key --secret-key --secret-ref --proxy-secret-ref --fetch-timeout --interval -o --output --dry-run --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--bucket-name')
        return
        ;;
    '--endpoint')
        return
        ;;
    '--provider')
        return
        ;;
    '--region')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--secret-ref')
        return
        ;;
    '--proxy-secret-ref')
        return
        ;;
    '--ignore-paths')
        return
        ;;
    '--fetch-timeout')
        return
        ;;
    '--interval')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'yaml'$'\n''json'
        return
        ;;
    '--label')
        return
        ;;
    '--dry-run')
        __tack_add_completions -W 'none'$'\n''server'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_create_source_chart() {
    repeating_flags=()
    non_repeating_flags=(--export --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--label --as-group)
    non_repeating_options=(--chart --chart-version --source --reconcile-strategy --verify-provider --verify-secret-ref --verify-issuer --verify-subject --fetch-timeout --interval -o --output --dry-run --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--chart')
        return
        ;;
    '--chart-version')
        return
        ;;
    '--source')
        return
        ;;
    '--reconcile-strategy')
        return
        ;;
    '--verify-provider')
        return
        ;;
    '--verify-secret-ref')
        return
        ;;
    '--verify-issuer')
        return
        ;;
    '--verify-subject')
        return
        ;;
    '--fetch-timeout')
        return
        ;;
    '--interval')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'yaml'$'\n''json'
        return
        ;;
    '--label')
        return
        ;;
    '--dry-run')
        __tack_add_completions -W 'none'$'\n''server'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_create_kustomization() {
    repeating_flags=()
    non_repeating_flags=(--prune --wait --no-wait --export --wait-ready --no-wait-ready --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--health-check --depends-on --label --as-group)
    non_repeating_options=(--source --path --health-check-timeout --service-account --decryption-provider --decryption-secret --target-namespace --kubeconfig-secret-ref --retry-interval --interval -o --output --dry-run --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--source')
        return
        ;;
    '--path')
        return
        ;;
    '--health-check')
        return
        ;;
    '--health-check-timeout')
        return
        ;;
    '--depends-on')
        return
        ;;
    '--service-account')
        return
        ;;
    '--decryption-provider')
        return
        ;;
    '--decryption-secret')
        return
        ;;
    '--target-namespace')
        return
        ;;
    '--kubeconfig-secret-ref')
        return
        ;;
    '--retry-interval')
        return
        ;;
    '--interval')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'yaml'$'\n''json'
        return
        ;;
    '--label')
        return
        ;;
    '--dry-run')
        __tack_add_completions -W 'none'$'\n''server'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_create_helmrelease() {
    repeating_flags=()
    non_repeating_flags=(--create-target-namespace --export --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--depends-on --values --values-from --label --as-group)
    non_repeating_options=(--release-name --source --chart --chart-ref --chart-version --chart-interval --reconcile-strategy --target-namespace --storage-namespace --service-account --crds --kubeconfig-secret-ref --interval -o --output --dry-run --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--release-name')
        return
        ;;
    '--source')
        return
        ;;
    '--chart')
        return
        ;;
    '--chart-ref')
        return
        ;;
    '--chart-version')
        return
        ;;
    '--chart-interval')
        return
        ;;
    '--reconcile-strategy')
        return
        ;;
    '--depends-on')
        return
        ;;
    '--target-namespace')
        return
        ;;
    '--storage-namespace')
        return
        ;;
    '--service-account')
        return
        ;;
    '--values')
        return
        ;;
    '--values-from')
        return
        ;;
    '--crds')
        return
        ;;
    '--kubeconfig-secret-ref')
        return
        ;;
    '--interval')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'yaml'$'\n''json'
        return
        ;;
    '--label')
        return
        ;;
    '--dry-run')
        __tack_add_completions -W 'none'$'\n''server'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_create_alert-provider() {
    repeating_flags=()
    non_repeating_flags=(--export --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--label --as-group)
    non_repeating_options=(--type --channel --username --address --secret-ref --interval -o --output --dry-run --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--type')
        return
        ;;
    '--channel')
        return
        ;;
    '--username')
        return
        ;;
    '--address')
        return
        ;;
    '--secret-ref')
        return
        ;;
    '--interval')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'yaml'$'\n''json'
        return
        ;;
    '--label')
        return
        ;;
    '--dry-run')
        __tack_add_completions -W 'none'$'\n''server'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_create_alert() {
    repeating_flags=()
    non_repeating_flags=(--export --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--event-source --label --as-group)
    non_repeating_options=(--provider-ref --event-severity --interval -o --output --dry-run --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--provider-ref')
        return
        ;;
    '--event-severity')
        return
        ;;
    '--event-source')
        return
        ;;
    '--interval')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'yaml'$'\n''json'
        return
        ;;
    '--label')
        return
        ;;
    '--dry-run')
        __tack_add_completions -W 'none'$'\n''server'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_create_receiver() {
    repeating_flags=()
    non_repeating_flags=(--export --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--event --resource --label --as-group)
    non_repeating_options=(--type --secret-ref --interval -o --output --dry-run --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--type')
        return
        ;;
    '--secret-ref')
        return
        ;;
    '--event')
        return
        ;;
    '--resource')
        return
        ;;
    '--interval')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'yaml'$'\n''json'
        return
        ;;
    '--label')
        return
        ;;
    '--dry-run')
        __tack_add_completions -W 'none'$'\n''server'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_create_image() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    repository|policy|update)
        # Offer subcommand argument completions
        "_tack_create_image_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'repository policy update' -- "${cur}"))
        ;;
    esac
}

_tack_create_image_repository() {
    repeating_flags=()
    non_repeating_flags=(--export --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--label --as-group)
    non_repeating_options=(--image --secret-ref --cert-ref --scan-timeout --interval -o --output --dry-run --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--image')
        return
        ;;
    '--secret-ref')
        return
        ;;
    '--cert-ref')
        return
        ;;
    '--scan-timeout')
        return
        ;;
    '--interval')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'yaml'$'\n''json'
        return
        ;;
    '--label')
        return
        ;;
    '--dry-run')
        __tack_add_completions -W 'none'$'\n''server'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_create_image_policy() {
    repeating_flags=()
    non_repeating_flags=(--export --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--label --as-group)
    non_repeating_options=(--image-ref --select-semver --select-alpha --select-numeric --filter-regex --filter-extract --reflect-digest --interval -o --output --dry-run --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--image-ref')
        return
        ;;
    '--select-semver')
        return
        ;;
    '--select-alpha')
        return
        ;;
    '--select-numeric')
        return
        ;;
    '--filter-regex')
        return
        ;;
    '--filter-extract')
        return
        ;;
    '--reflect-digest')
        return
        ;;
    '--interval')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'yaml'$'\n''json'
        return
        ;;
    '--label')
        return
        ;;
    '--dry-run')
        __tack_add_completions -W 'none'$'\n''server'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_create_image_update() {
    repeating_flags=()
    non_repeating_flags=(--export --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--label --as-group)
    non_repeating_options=(--git-repo-ref --git-repo-namespace --git-repo-path --checkout-branch --push-branch --commit-template --author-name --author-email --signing-key-secret --signing-key-type --interval -o --output --dry-run --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--git-repo-ref')
        return
        ;;
    '--git-repo-namespace')
        return
        ;;
    '--git-repo-path')
        return
        ;;
    '--checkout-branch')
        return
        ;;
    '--push-branch')
        return
        ;;
    '--commit-template')
        return
        ;;
    '--author-name')
        return
        ;;
    '--author-email')
        return
        ;;
    '--signing-key-secret')
        return
        ;;
    '--signing-key-type')
        return
        ;;
    '--interval')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'yaml'$'\n''json'
        return
        ;;
    '--label')
        return
        ;;
    '--dry-run')
        __tack_add_completions -W 'none'$'\n''server'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_create_tenant() {
    repeating_flags=()
    non_repeating_flags=(--skip-namespace --export --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--with-namespace --label --as-group)
    non_repeating_options=(--cluster-role --with-service-account --interval -o --output --dry-run --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--with-namespace')
        return
        ;;
    '--cluster-role')
        return
        ;;
    '--with-service-account')
        return
        ;;
    '--interval')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'yaml'$'\n''json'
        return
        ;;
    '--label')
        return
        ;;
    '--dry-run')
        __tack_add_completions -W 'none'$'\n''server'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_create_secret() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    git|helm|tls|oci|proxy|githubapp|receiver|notation)
        # Offer subcommand argument completions
        "_tack_create_secret_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'git helm tls oci proxy githubapp receiver notation' -- "${cur}"))
        ;;
    esac
}

_tack_create_secret_git() {
    repeating_flags=()
    non_repeating_flags=(--insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --export --version -h --help)
    repeating_options=(--as-group --label)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout --url -u --username -p --password --bearer-token --ssh-key-algorithm --ssh-ecdsa-curve --ssh-rsa-bits --ca-crt-file --private-key-file)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--url')
        return
        ;;
    '-u'|'--username')
        return
        ;;
    '-p'|'--password')
        return
        ;;
    '--bearer-token')
        return
        ;;
    '--ssh-key-algorithm')
        return
        ;;
    '--ssh-ecdsa-curve')
        return
        ;;
    '--ssh-rsa-bits')
        return
        ;;
    '--ca-crt-file')
        return
        ;;
    '--private-key-file')
        return
        ;;
    '--label')
        return
        ;;
    esac
}

_tack_create_secret_helm() {
    repeating_flags=()
    non_repeating_flags=(--export --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--label --as-group)
    non_repeating_options=(-u --username -p --password --tls-crt-file --tls-key-file --ca-crt-file --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-u'|'--username')
        return
        ;;
    '-p'|'--password')
        return
        ;;
    '--tls-crt-file')
        return
        ;;
    '--tls-key-file')
        return
        ;;
    '--ca-crt-file')
        return
        ;;
    '--label')
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_create_secret_tls() {
    repeating_flags=()
    non_repeating_flags=(--export --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--label --as-group)
    non_repeating_options=(--tls-crt-file --tls-key-file --ca-crt-file --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--tls-crt-file')
        return
        ;;
    '--tls-key-file')
        return
        ;;
    '--ca-crt-file')
        return
        ;;
    '--label')
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_create_secret_oci() {
    repeating_flags=()
    non_repeating_flags=(--export --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--label --as-group)
    non_repeating_options=(--url -u --username -p --password --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--url')
        return
        ;;
    '-u'|'--username')
        return
        ;;
    '-p'|'--password')
        return
        ;;
    '--label')
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_create_secret_proxy() {
    repeating_flags=()
    non_repeating_flags=(--export --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--label --as-group)
    non_repeating_options=(--address -u --username -p --password --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--address')
        return
        ;;
    '-u'|'--username')
        return
        ;;
    '-p'|'--password')
        return
        ;;
    '--label')
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_create_secret_githubapp() {
    repeating_flags=()
    non_repeating_flags=(--export --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--label --as-group)
    non_repeating_options=(--app-id --app-installation-owner --app-installation-id --app-private-key --app-base-url --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--app-id')
        return
        ;;
    '--app-installation-owner')
        return
        ;;
    '--app-installation-id')
        return
        ;;
    '--app-private-key')
        return
        ;;
    '--app-base-url')
        return
        ;;
    '--label')
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_create_secret_receiver() {
    repeating_flags=()
    non_repeating_flags=(--export --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--label --as-group)
    non_repeating_options=(--type --webhook-token --hostname --email-claim --audience-claim --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--type')
        return
        ;;
    '--webhook-token')
        return
        ;;
    '--hostname')
        return
        ;;
    '--email-claim')
        return
        ;;
    '--audience-claim')
        return
        ;;
    '--label')
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_create_secret_notation() {
    repeating_flags=()
    non_repeating_flags=(--export --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--ca-cert-file --label --as-group)
    non_repeating_options=(--trust-policy-file --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--trust-policy-file')
        return
        ;;
    '--ca-cert-file')
        return
        ;;
    '--label')
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_delete() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    source|kustomization|helmrelease|receiver|image|alert|alert-provider|canary)
        # Offer subcommand argument completions
        "_tack_delete_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'source kustomization helmrelease receiver image alert alert-provider canary' -- "${cur}"))
        ;;
    esac
}

_tack_delete_source() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    git|oci|helm|chart|bucket)
        # Offer subcommand argument completions
        "_tack_delete_source_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'git oci helm chart bucket' -- "${cur}"))
        ;;
    esac
}

_tack_delete_source_git() {
    repeating_flags=()
    non_repeating_flags=(-s --silent --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_delete_source_oci() {
    repeating_flags=()
    non_repeating_flags=(-s --silent --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_delete_source_helm() {
    repeating_flags=()
    non_repeating_flags=(-s --silent --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_delete_source_chart() {
    repeating_flags=()
    non_repeating_flags=(-s --silent --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_delete_source_bucket() {
    repeating_flags=()
    non_repeating_flags=(-s --silent --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_delete_kustomization() {
    repeating_flags=()
    non_repeating_flags=(-s --silent --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_delete_helmrelease() {
    repeating_flags=()
    non_repeating_flags=(-s --silent --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_delete_receiver() {
    repeating_flags=()
    non_repeating_flags=(-s --silent --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_delete_image() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    repository|policy|update)
        # Offer subcommand argument completions
        "_tack_delete_image_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'repository policy update' -- "${cur}"))
        ;;
    esac
}

_tack_delete_image_repository() {
    repeating_flags=()
    non_repeating_flags=(-s --silent --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_delete_image_policy() {
    repeating_flags=()
    non_repeating_flags=(-s --silent --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_delete_image_update() {
    repeating_flags=()
    non_repeating_flags=(-s --silent --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_delete_alert() {
    repeating_flags=()
    non_repeating_flags=(-s --silent --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_delete_alert-provider() {
    repeating_flags=()
    non_repeating_flags=(-s --silent --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_delete_canary() {
    repeating_flags=()
    non_repeating_flags=(-s --silent --wait --no-wait --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_uninstall() {
    repeating_flags=()
    non_repeating_flags=(--keep-namespace --dry-run -s --silent --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_check() {
    repeating_flags=()
    non_repeating_flags=(--insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --pre --version -h --help)
    repeating_options=(--as-group --components --components-extra)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--components')
        return
        ;;
    '--components-extra')
        return
        ;;
    esac
}

_tack_secrets() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    keygen|encrypt|decrypt|age|seal|fetch-cert)
        # Offer subcommand argument completions
        "_tack_secrets_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'keygen encrypt decrypt age seal fetch-cert' -- "${cur}"))
        ;;
    esac
}

_tack_secrets_keygen() {
    repeating_flags=()
    non_repeating_flags=(--force --pq --create-secret --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(-o --output --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-o'|'--output')
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_secrets_encrypt() {
    repeating_flags=()
    non_repeating_flags=(--mac-only-encrypted -i --in-place --version -h --help)
    repeating_options=(--age)
    non_repeating_options=(--encrypted-regex --unencrypted-regex --encrypted-suffix --unencrypted-suffix -o --output --input-type --config)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--age')
        return
        ;;
    '--encrypted-regex')
        return
        ;;
    '--unencrypted-regex')
        return
        ;;
    '--encrypted-suffix')
        return
        ;;
    '--unencrypted-suffix')
        return
        ;;
    '-o'|'--output')
        return
        ;;
    '--input-type')
        __tack_add_completions -W 'yaml'$'\n''json'
        return
        ;;
    '--config')
        return
        ;;
    esac
}

_tack_secrets_decrypt() {
    repeating_flags=()
    non_repeating_flags=(-i --in-place --ignore-mac --version -h --help)
    repeating_options=(--identity)
    non_repeating_options=(-o --output --extract --input-type)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-o'|'--output')
        return
        ;;
    '--extract')
        return
        ;;
    '--identity')
        return
        ;;
    '--input-type')
        __tack_add_completions -W 'yaml'$'\n''json'
        return
        ;;
    esac
}

_tack_secrets_age() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    encrypt|decrypt)
        # Offer subcommand argument completions
        "_tack_secrets_age_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'encrypt decrypt' -- "${cur}"))
        ;;
    esac
}

_tack_secrets_age_encrypt() {
    repeating_flags=()
    non_repeating_flags=(-a --armor --version -h --help)
    repeating_options=(-r --recipient -R --recipients-file -i --identity)
    non_repeating_options=(-o --output)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-r'|'--recipient')
        return
        ;;
    '-R'|'--recipients-file')
        return
        ;;
    '-i'|'--identity')
        return
        ;;
    '-o'|'--output')
        return
        ;;
    esac
}

_tack_secrets_age_decrypt() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=(-i --identity)
    non_repeating_options=(-o --output)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-i'|'--identity')
        return
        ;;
    '-o'|'--output')
        return
        ;;
    esac
}

_tack_secrets_seal() {
    repeating_flags=()
    non_repeating_flags=(--raw --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--cert --controller-name --controller-namespace --scope -o --format --name --from-file --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--cert')
        return
        ;;
    '--controller-name')
        return
        ;;
    '--controller-namespace')
        return
        ;;
    '--scope')
        __tack_add_completions -W 'strict'$'\n''namespace-wide'$'\n''cluster-wide'
        return
        ;;
    '-o'|'--format')
        __tack_add_completions -W 'json'$'\n''yaml'
        return
        ;;
    '--name')
        return
        ;;
    '--from-file')
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_secrets_fetch-cert() {
    repeating_flags=()
    non_repeating_flags=(--insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--cert --controller-name --controller-namespace -o --output --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--cert')
        return
        ;;
    '--controller-name')
        return
        ;;
    '--controller-namespace')
        return
        ;;
    '-o'|'--output')
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_events() {
    repeating_flags=()
    non_repeating_flags=(-A --all-namespaces -w --watch --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--types --as-group)
    non_repeating_options=(--for --events-api -o --output --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--for')
        return
        ;;
    '--types')
        return
        ;;
    '--events-api')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'table'$'\n''json'$'\n''jsonl'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_stats() {
    repeating_flags=()
    non_repeating_flags=(-A --all-namespaces --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(-o --output --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-o'|'--output')
        __tack_add_completions -W 'table'$'\n''json'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_tree() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    kustomization)
        # Offer subcommand argument completions
        "_tack_tree_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'kustomization' -- "${cur}"))
        ;;
    esac
}

_tack_tree_kustomization() {
    repeating_flags=()
    non_repeating_flags=(--compact --failed --status --no-status --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(-o --output --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-o'|'--output')
        __tack_add_completions -W 'text'$'\n''json'$'\n''yaml'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_trace() {
    repeating_flags=()
    non_repeating_flags=(--insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kind --api-version --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--kind')
        return
        ;;
    '--api-version')
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_logs() {
    repeating_flags=()
    non_repeating_flags=(-f --follow -A --all-namespaces --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--level --kind --name --tail --since --since-time --flux-namespace -o --output --kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--level')
        return
        ;;
    '--kind')
        return
        ;;
    '--name')
        return
        ;;
    '--tail')
        return
        ;;
    '--since')
        return
        ;;
    '--since-time')
        return
        ;;
    '--flux-namespace')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_debug() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    kustomization|helmrelease)
        # Offer subcommand argument completions
        "_tack_debug_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'kustomization helmrelease' -- "${cur}"))
        ;;
    esac
}

_tack_debug_kustomization() {
    repeating_flags=()
    non_repeating_flags=(--show-status --show-vars --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_debug_helmrelease() {
    repeating_flags=()
    non_repeating_flags=(--show-status --show-values --insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_tack_ui() {
    repeating_flags=()
    non_repeating_flags=(--insecure-skip-tls-verify --disable-compression --verbose --ns-follows-kube-context --all-contexts --version -h --help)
    repeating_options=(--as-group)
    non_repeating_options=(--kubeconfig --context --cluster --user --server --token --certificate-authority --client-certificate --client-key --tls-server-name --as --request-timeout -n --namespace --timeout --contexts --color)
    __tack_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--kubeconfig')
        return
        ;;
    '--context')
        return
        ;;
    '--cluster')
        return
        ;;
    '--user')
        return
        ;;
    '--server')
        return
        ;;
    '--token')
        return
        ;;
    '--certificate-authority')
        return
        ;;
    '--client-certificate')
        return
        ;;
    '--client-key')
        return
        ;;
    '--tls-server-name')
        return
        ;;
    '--as')
        return
        ;;
    '--as-group')
        return
        ;;
    '--request-timeout')
        return
        ;;
    '-n'|'--namespace')
        return
        ;;
    '--timeout')
        return
        ;;
    '--contexts')
        return
        ;;
    '--color')
        __tack_add_completions -W 'auto'$'\n''none'$'\n''16'$'\n''256'$'\n''truecolor'
        return
        ;;
    esac
}

_tack_push() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    artifact)
        # Offer subcommand argument completions
        "_tack_push_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'artifact' -- "${cur}"))
        ;;
    esac
}

_tack_push_artifact() {
    repeating_flags=()
    non_repeating_flags=(--reproducible --insecure-registry --verbose --version -h --help)
    repeating_options=(-a --annotations --ignore-paths --add-ignore-paths)
    non_repeating_options=(-f --path --source --revision -o --output --creds --provider --ca-file)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-f'|'--path')
        __tack_add_completions -f
        return
        ;;
    '--source')
        return
        ;;
    '--revision')
        return
        ;;
    '-a'|'--annotations')
        return
        ;;
    '-o'|'--output')
        __tack_add_completions -W 'json'$'\n''yaml'
        return
        ;;
    '--ignore-paths')
        return
        ;;
    '--add-ignore-paths')
        return
        ;;
    '--creds')
        return
        ;;
    '--provider')
        return
        ;;
    '--ca-file')
        __tack_add_completions -f
        return
        ;;
    esac
}

_tack_pull() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    artifact)
        # Offer subcommand argument completions
        "_tack_pull_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'artifact' -- "${cur}"))
        ;;
    esac
}

_tack_pull_artifact() {
    repeating_flags=()
    non_repeating_flags=(--insecure-registry --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(-o --output --creds --provider --ca-file)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-o'|'--output')
        __tack_add_completions -d
        return
        ;;
    '--creds')
        return
        ;;
    '--provider')
        return
        ;;
    '--ca-file')
        __tack_add_completions -f
        return
        ;;
    esac
}

_tack_tag() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    artifact)
        # Offer subcommand argument completions
        "_tack_tag_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'artifact' -- "${cur}"))
        ;;
    esac
}

_tack_tag_artifact() {
    repeating_flags=()
    non_repeating_flags=(--insecure-registry --verbose --version -h --help)
    repeating_options=(--tag)
    non_repeating_options=(--creds --provider --ca-file)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--tag')
        return
        ;;
    '--creds')
        return
        ;;
    '--provider')
        return
        ;;
    '--ca-file')
        __tack_add_completions -f
        return
        ;;
    esac
}

_tack_list() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    artifacts)
        # Offer subcommand argument completions
        "_tack_list_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'artifacts' -- "${cur}"))
        ;;
    esac
}

_tack_list_artifacts() {
    repeating_flags=()
    non_repeating_flags=(--insecure-registry --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--filter-semver --filter-regex --creds --provider --ca-file)
    __tack_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--filter-semver')
        return
        ;;
    '--filter-regex')
        return
        ;;
    '--creds')
        return
        ;;
    '--provider')
        return
        ;;
    '--ca-file')
        __tack_add_completions -f
        return
        ;;
    esac
}

_tack_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __tack_offer_flags_options -1
}

complete -o filenames -F _tack tack