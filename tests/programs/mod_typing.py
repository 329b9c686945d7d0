from typing import (Any, Union, Optional, List, Dict, Set, FrozenSet, Tuple, Type,
                    Callable, Iterable, Iterator, Generator, Sequence, Mapping,
                    MutableMapping, MutableSequence, Awaitable, Coroutine, AsyncIterator,
                    Deque, DefaultDict, Counter, OrderedDict, ChainMap, TypeVar, Generic,
                    Protocol, runtime_checkable, NamedTuple, TypedDict, Literal, Final,
                    ClassVar, Annotated, NoReturn, Never, Self, TYPE_CHECKING, cast,
                    overload, final, no_type_check, get_type_hints, get_origin, get_args,
                    NewType, AnyStr, Text)
import typing

print(TYPE_CHECKING)
for t in [Any, Union, Optional, List, Dict, Set, FrozenSet, Tuple, Type, Callable,
          Iterable, Iterator, Generator, Sequence, Mapping, MutableMapping,
          MutableSequence, Awaitable, Coroutine, AsyncIterator, Deque, DefaultDict,
          Counter, OrderedDict, ChainMap, Literal, Final, ClassVar, Annotated, NoReturn,
          Never, Self]:
    print(repr(t))

print(List[int], Dict[str, List[int]], Set[str], FrozenSet[int])
print(Optional[str], Union[int, str], Union[int, None], Union[None, int])
print(Union[int, Union[str, float]], Union[int, int], Union[int, str, None])
print(Tuple[int, str], Tuple[int, ...], Tuple[()], Type[int])
print(Callable[[int], str], Callable[..., int], Callable[[], None], Callable[[int, str], List[int]])
print(Iterable[int], Iterator[str], Generator[int, None, None], Sequence[float])
print(Mapping[str, int], MutableMapping[str, Any], MutableSequence[bytes])
print(Awaitable[int], Coroutine[Any, Any, int], AsyncIterator[int])
print(Deque[int], DefaultDict[str, int], Counter[str], OrderedDict[str, int], ChainMap[str, int])
print(Literal['a', 1, True], Final[int], ClassVar[List[int]], Annotated[int, 'meta', 3])
print(List[None], Dict[str, Optional[int]])
print(List[int] == List[int], Union[int, str] == Union[str, int], List[int] == List[str])

class Node:
    pass

print(List[Node], Optional[Node])

print(Deque[int]([1, 2]), DefaultDict(int), Counter('abca'))
for ctor in (List, Dict, List[int], Tuple, Set[int], Type):
    try:
        ctor()
    except TypeError as e:
        print('TypeError:', e)

T = TypeVar('T')
K = TypeVar('K')
V = TypeVar('V', covariant=True)
C = TypeVar('C', contravariant=True)
N = TypeVar('N', int, float)
B = TypeVar('B', bound=str)
print(T, V, C, N, B, AnyStr, T.__name__, N.__constraints__, B.__bound__)
print(List[T], Dict[K, V], Dict[K, V][str, int], List[T][int])
print(Text, Text is str)

class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()

s = Stack[int]()
s.push(1)
s.push(2)
print(s.pop(), s.items, Stack[int], type(s).__name__)
s2: Stack[str] = Stack()
s2.push('x')
print(s2.items)

class Pair(Generic[K, V]):
    def __init__(self, k: K, v: V) -> None:
        self.k = k
        self.v = v

print(Pair[str, int], Pair('a', 1).v)

class Closer(Protocol):
    def close(self) -> None: ...

@runtime_checkable
class SupportsClose(Protocol):
    def close(self) -> None: ...

class Resource:
    def close(self) -> None:
        print('closed')

class Impl(Closer):
    pass

def shut(x: Closer) -> None:
    x.close()

shut(Resource())
print(isinstance(Resource(), SupportsClose), isinstance(1, SupportsClose), isinstance(Impl(), Impl))
try:
    isinstance(Resource(), Closer)
except TypeError as e:
    print('TypeError:', e)

class Point(NamedTuple):
    x: int
    y: int = 0
    label: str = 'p'

    def norm2(self) -> int:
        return self.x * self.x + self.y * self.y

p = Point(3, 4)
print(p, p.x, p[1], p.norm2(), Point._fields, p._asdict())
print(p._replace(x=10), Point(1), Point._field_defaults, isinstance(p, tuple))
print(Point.__annotations__)
x, y, lab = p
print(x, y, lab, len(p), p == (3, 4, 'p'))
Emp = NamedTuple('Emp', [('name', str), ('id', int)])
e = Emp('Al', 3)
print(e, Emp._fields)

class Movie(TypedDict):
    title: str
    year: int

class Movie2(Movie, total=False):
    rating: float

m = Movie(title='Blade Runner', year=1982)
print(m, type(m), m['title'], Movie.__annotations__)
print(sorted(Movie2.__required_keys__), sorted(Movie2.__optional_keys__), Movie2.__total__)
m2: Movie = {'title': 'x', 'year': 1}
print(m2)
Pt = TypedDict('Pt', {'x': int, 'y': int})
print(Pt(x=1, y=2))

UserId = NewType('UserId', int)
u = UserId(5)
print(UserId, u, type(u), UserId.__supertype__, UserId.__name__)

print(cast(int, 'x'), cast('List[int]', [1]))

@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x):
    return x * 2

print(f(2), f('a'))

@final
class Leaf:
    pass

@final
def g() -> None: pass

print(Leaf.__final__, g.__final__)

@no_type_check
def h(x: 'nonsense') -> 'more':
    return x
print(h(1), h.__no_type_check__)

def stop() -> NoReturn:
    raise SystemExit

class Tree:
    left: 'Optional[Tree]'
    value: int
    tags: ClassVar[List[str]] = []

    def add(self, other: 'Tree') -> 'Tree':
        return self

    def me(self) -> Self:
        return self

def fn(a: int, b: 'str', c: List['Tree'] = None) -> Optional[int]:
    return None

print(get_type_hints(fn))
print(get_type_hints(Tree))
print(get_type_hints(Tree.add))
print(fn.__annotations__)

print(get_origin(List[int]), get_origin(Dict[str, int]), get_origin(Union[int, str]))
print(get_origin(Optional[int]), get_origin(Literal[1]), get_origin(Annotated[int, 'x']))
print(get_origin(int), get_origin(List), get_origin(Callable[[int], str]), get_origin(Tuple[int]))
print(get_args(List[int]), get_args(Dict[str, int]), get_args(Union[int, str]))
print(get_args(Optional[int]), get_args(Callable[[int, str], bool]), get_args(Callable[..., int]))
print(get_args(Literal['a', 'b']), get_args(Annotated[int, 'x', 2]), get_args(int), get_args(Tuple[()]))
print(get_origin(Stack[int]), get_args(Pair[str, int]))

def process(items: List[int], mapping: Dict[str, Any], cb: Callable[[int], int]) -> Tuple[int, ...]:
    return tuple(cb(i) + mapping.get('add', 0) for i in items)

print(process([1, 2, 3], {'add': 10}, lambda v: v * v))

def gen(n: int) -> Iterator[int]:
    yield from range(n)

print(list(gen(3)))

MAX: Final = 10
Vector = List[float]

def scale(k: float, v: Vector) -> Vector:
    return [k * e for e in v]

print(scale(2.0, [1.0, 2.5]), Vector)

def first(xs: Sequence[T]) -> T:
    return xs[0]

print(first([7, 8]), first('hi'))

def concat(a: AnyStr, b: AnyStr) -> AnyStr:
    return a + b

print(concat('a', 'b'), concat(b'a', b'b'))
print(Optional[List[int]] | None if False else 'skip')
print(List[int] | None, Optional[int] | str)
try:
    Any()
except TypeError as e:
    print('TypeError:', e)
try:
    List[int, str]
except TypeError as e:
    print('TypeError:', e)

def fwd(a: 'Dict[str, List[Tree]]', b: Callable[['Tree'], 'int'], c: Union['Tree', None] = None) -> 'Tuple[Tree, ...]':
    pass

print(get_type_hints(fwd))
A = Annotated[List['Tree'], 'm']
def ann(a: A) -> None: pass
print(get_type_hints(ann), get_type_hints(ann, include_extras=True))
print(A, A.__metadata__, A.__origin__)

print(Stack[int]().__orig_class__, isinstance(Stack[int](), Stack))
class Sub(Stack):
    pass
print(Sub().items, issubclass(Sub, Generic), issubclass(Stack, Generic))
try:
    isinstance(m, Movie)
except TypeError as e:
    print('TypeError:', e)
try:
    runtime_checkable(Resource)
except TypeError as e:
    print('TypeError:', e)
try:
    Union[()]
except TypeError as e:
    print('TypeError:', e)
print(Literal[1, 1, 2], Optional[Optional[int]], Union[int, Optional[str]])
print(typing.Text, typing.AnyStr.__constraints__, typing.NewType('Score', float))
if TYPE_CHECKING:
    import nonexistent_module
print(get_type_hints(Point), get_type_hints(Movie2))
print(hash(List[int]) == hash(List[int]), {List[int]: 1}[List[int]])
print(Callable[[T], K][int, str], Tuple[T, ...][int])

class Account:
    balance: int = 0

    def deposit(self, amount: int) -> 'Account':
        self.balance += amount
        return self

print(Account().deposit(5).deposit(6).balance, get_type_hints(Account.deposit))
