import SamtaleCore

extension ChatConfiguration {
    /// Each flow, deck, role or theme name of the endpoints that `catalog` does not know, or knows more than once, and
    /// each deck its flow cannot use, at its JSON path: the names resolved as the day's question resolves them, so
    /// that a chat started there finds them.
    public func nameIssues(in catalog: Catalog) -> [DataIssue] {
        var issues: [DataIssue] = []
        for (index, endpoint) in endpoints.enumerated() {
            let at = JSONPath.root.appending("endpoints").appending(index)
            func report(_ error: NameError, _ key: String) {
                issues.append(DataIssue(.invalidValue(error.message), at: at.appending(key)))
            }
            if let reflection = endpoint.reflection {
                issues += reflection.nameIssues(in: catalog, at: at.appending("reflection"))
            }
            var flow: Flow?
            if let name = endpoint.flow {
                do throws(NameError) {
                    flow = try NameResolver.resolveFlow(name, among: catalog.flows)
                } catch {
                    report(error, "flow")
                }
            }
            // Roles and themes are names within the deck, and themes within the roles: each checked once those are.
            let deck: Deck
            do throws(NameError) {
                deck = try catalog.resolveNames(of: PromptOptions(deck: endpoint.deck)).deck
            } catch {
                report(error, "deck")
                continue
            }
            // A deck left open is asked for in the chat among those the flow can use.
            if let flow, endpoint.deck != nil, let reason = flow.unsupportedReason(deck: deck) {
                issues.append(DataIssue(.invalidValue(reason.message), at: at.appending("deck")))
            }
            var rolesKnown = true
            for role in endpoint.roles {
                do throws(NameError) {
                    _ = try catalog.resolveNames(of: PromptOptions(deck: endpoint.deck, role: role))
                } catch {
                    report(error, "role")
                    rolesKnown = false
                }
            }
            for theme in endpoint.themes {
                let options = PromptOptions(
                    deck: endpoint.deck, role: rolesKnown ? endpoint.roles.first : nil, theme: theme)
                do throws(NameError) {
                    _ = try catalog.resolveNames(of: options)
                } catch {
                    report(error, "theme")
                }
            }
        }
        return issues
    }
}
