/// The fixture app's pages: fixed text, so their sizes are deterministic. Every page declares
/// `<link rel="icon" href="data:,">` so that a profiler does not also request `/favicon.ico`.
enum AppPages {
    static func page(title: String, body: String, head: String = "") -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>\(title)</title>
          <link rel="icon" href="data:,">\(head)
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    static let index = page(title: "Linden Health Centre app", body: """
          <h1>Linden Health Centre app</h1>
          <ul>
            <li><a href="/app/login">Log in</a> (user <code>demo</code>)</li>
            <li><a href="/app/account">My account</a> (needs a session)</li>
            <li><a href="/app/api/appointments">Appointments API</a> (JSON, needs a session)</li>
            <li><a href="/app/burn?ms=100">Burn 100 ms of CPU</a></li>
            <li><a href="/app/alloc?mb=16">Allocate 16 MiB</a></li>
            <li><a href="/app/fork?ms=100">Burn 100 ms in a child process</a></li>
          </ul>
        """)

    static func login(csrf: String, failed: Bool) -> String {
        let error = failed ? "\n  <p class=\"error\">Invalid credentials</p>" : ""
        return page(title: "Log in", body: """
              <h1>Log in</h1>\(error)
              <form method="post" action="/app/login">
                <input type="hidden" name="csrf" value="\(csrf)">
                <label>User <input name="user" autocomplete="username"></label>
                <label>Password <input type="password" name="password" autocomplete="current-password"></label>
                <button type="submit">Log in</button>
              </form>
            """)
    }

    static func account(user: String) -> String {
        page(title: "My account", body: """
              <img src="/lean/logo.svg" alt="Linden Health Centre" width="120" height="40">
              <h1>Welcome, \(user)</h1>
              <p><a href="/app/api/appointments">Your appointments</a> · <a href="/app/logout">Log out</a></p>
            """, head: "\n  <link rel=\"stylesheet\" href=\"/lean/styles.css\">")
    }

    static func simple(title: String, text: String) -> String {
        page(title: title, body: "  <h1>\(title)</h1>\n  <p>\(escape(text))</p>")
    }

    static let appointmentsJSON = """
        [{"id":1,"practitioner":"Dr. Linden","start":"2025-03-03T09:00:00Z","reason":"Check-up"},\
        {"id":2,"practitioner":"Dr. Okafor","start":"2025-03-10T14:30:00Z","reason":"Vaccination"},\
        {"id":3,"practitioner":"Dr. Linden","start":"2025-04-01T11:15:00Z","reason":"Follow-up"}]
        """

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
