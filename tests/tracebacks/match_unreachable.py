match command:
    case action:
        pass
    case "go":
        pass
