/// What a screen's handler decides for a command: its own new state, then what happens around
/// it. The handler never touches the stack of screens; the dispatcher (`App.step`) writes the
/// state back once, then applies the rest, so a change made after a push cannot be lost.
struct Transition<State> {
    var state: State
    var next: Next
    var effects: [Effect]

    /// Runs `body` on a copy of `state`, collecting what it asks for.
    init(_ state: State, _ body: (inout Next, inout State) -> [Effect]) {
        var state = state, next = Next()
        effects = body(&next, &state)
        self.state = state
        self.next = next
    }
}

/// What a handler asks for besides its own state.
struct Next {
    /// Screens to put over this one, in order.
    private(set) var pushed: [Screen] = []
    /// This screen closes.
    private(set) var closes = false
    /// Once this screen is closed, a change to the screen it returns to (a picker's choice).
    private(set) var updateBeneath: ((inout Screen) -> Void)?
    /// A new status line (nil: unchanged).
    var status: StatusLine?
    /// The handler asks to quit (the dispatcher checks for a form with typed text first).
    private(set) var quits = false

    mutating func push(_ s: Screen) { pushed.append(s) }
    mutating func pop() { closes = true }
    mutating func pop(thenUpdate change: @escaping (inout Screen) -> Void) { closes = true; updateBeneath = change }
    mutating func quit() { quits = true }
}

extension App {
    /// Applies a handler's transition to the top screen: the state written back once, then the
    /// screen closed or others pushed, the status line, and quitting.
    static func step<S>(_ s: inout AppState, _ t: Transition<S>, _ wrap: (S) -> Screen) -> [Effect] {
        s.replaceTop(wrap(t.state))
        if t.next.closes {
            s.pop()
            if let change = t.next.updateBeneath, var top = s.screens.last {
                change(&top)
                s.replaceTop(top)
            }
        }
        for screen in t.next.pushed { s.push(screen) }
        if let status = t.next.status { s.status = status }
        if t.next.quits { return t.effects + quit(&s) }
        return t.effects
    }
}
