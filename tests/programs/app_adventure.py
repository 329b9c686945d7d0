# A tiny text-adventure state machine driven by a scripted list of commands.
ROOMS = {
    "hall": {"desc": "a dusty hall", "exits": {"north": "library", "east": "kitchen"}, "items": ["lamp"]},
    "library": {"desc": "rows of old books", "exits": {"south": "hall"}, "items": ["key", "book"]},
    "kitchen": {"desc": "a cold kitchen", "exits": {"west": "hall", "down": "cellar"}, "items": []},
    "cellar": {"desc": "a dark cellar with a locked chest", "exits": {"up": "kitchen"}, "items": []},
}

class Game:
    def __init__(self):
        self.room = "hall"
        self.inventory = []
        self.state = "playing"
        self.moves = 0
        self.chest_open = False
        self.handlers = {"go": self.go, "take": self.take, "drop": self.drop, "look": self.look,
                         "inventory": self.show_inventory, "open": self.open, "quit": self.quit}

    def run(self, command):
        if self.state != "playing":
            return f"(game is {self.state})"
        words = command.lower().split()
        if not words:
            return "Say something."
        verb, args = words[0], words[1:]
        handler = self.handlers.get(verb)
        if handler is None:
            return f"I don't know how to {verb!r}."
        self.moves += 1
        try:
            return handler(*args)
        except TypeError:
            return f"'{verb}' needs a different number of words."

    def look(self):
        r = ROOMS[self.room]
        items = ", ".join(r["items"]) or "nothing"
        exits = ", ".join(sorted(r["exits"]))
        return f"You are in {r['desc']}. You see {items}. Exits: {exits}."

    def go(self, direction):
        exits = ROOMS[self.room]["exits"]
        if direction not in exits:
            return f"You can't go {direction}."
        target = exits[direction]
        if target == "cellar" and "lamp" not in self.inventory:
            return "It is too dark to go down without a lamp."
        self.room = target
        return self.look()

    def take(self, item):
        items = ROOMS[self.room]["items"]
        if item not in items:
            return f"There is no {item} here."
        items.remove(item)
        self.inventory.append(item)
        return f"Taken: {item}."

    def drop(self, item):
        if item not in self.inventory:
            return f"You don't have {item}."
        self.inventory.remove(item)
        ROOMS[self.room]["items"].append(item)
        return f"Dropped: {item}."

    def show_inventory(self):
        return "You carry: " + (", ".join(sorted(self.inventory)) or "nothing")

    def open(self, thing):
        if thing != "chest" or self.room != "cellar":
            return "Nothing to open here."
        if "key" not in self.inventory:
            return "The chest is locked."
        self.chest_open = True
        self.state = "won"
        return f"The chest opens. You win in {self.moves} moves!"

    def quit(self):
        self.state = "quit"
        return "Bye."

script = ["look", "go down", "take lamp", "take lamp", "go east", "go down", "open chest", "go up",
          "go west", "go north", "take key", "drop lamp", "inventory", "take", "dance", "", "take lamp",
          "go south", "go east", "go down", "open box", "open chest", "look", "quit"]
game = Game()
for cmd in script:
    print(f"> {cmd}")
    print(game.run(cmd))
print(game.state, game.moves, sorted(game.inventory), ROOMS["library"]["items"])
