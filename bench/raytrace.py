"""Raytrace: render a small scene with a recursive ray tracer.

A Vec class with operator overloading (+, -, *, unary -, dot, cross) is
used for all geometry.  The scene holds spheres and a checkered ground
plane, two point lights, Lambert and Phong shading, hard shadows and
mirror reflections.  The image is rendered into a flat list of 8-bit RGB
values; a checksum and a few sample pixels are printed.
"""

import math

EPSILON = 1e-6


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __repr__(self):
        return "Vec(%.4f, %.4f, %.4f)" % (self.x, self.y, self.z)

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vec(-self.x, -self.y, -self.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def cross(self, o):
        return Vec(self.y * o.z - self.z * o.y,
                   self.z * o.x - self.x * o.z,
                   self.x * o.y - self.y * o.x)

    def length(self):
        return math.sqrt(self.dot(self))

    def unit(self):
        return self * (1.0 / self.length())

    def reflect(self, normal):
        return self - normal * (2.0 * self.dot(normal))


class Color:
    __slots__ = ("r", "g", "b")

    def __init__(self, r, g, b):
        self.r = r
        self.g = g
        self.b = b

    def __add__(self, o):
        return Color(self.r + o.r, self.g + o.g, self.b + o.b)

    def __mul__(self, k):
        if isinstance(k, Color):
            return Color(self.r * k.r, self.g * k.g, self.b * k.b)
        return Color(self.r * k, self.g * k, self.b * k)

    def to_bytes(self):
        return tuple(max(0, min(255, int(c * 255.0 + 0.5))) for c in (self.r, self.g, self.b))


BLACK = Color(0.0, 0.0, 0.0)
WHITE = Color(1.0, 1.0, 1.0)


class Ray:
    __slots__ = ("origin", "direction")

    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.unit()

    def at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, color, diffuse=0.8, specular=0.3, shininess=16, mirror=0.0):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess
        self.mirror = mirror

    def color_at(self, point):
        return self.color


class Checker(Material):
    def __init__(self, a, b, size, **kw):
        super().__init__(a, **kw)
        self.other = b
        self.size = size

    def color_at(self, point):
        cell = math.floor(point.x / self.size) + math.floor(point.z / self.size)
        return self.color if cell % 2 == 0 else self.other


class Shape:
    def __init__(self, material):
        self.material = material

    def intersect(self, ray):
        raise NotImplementedError

    def normal_at(self, point):
        raise NotImplementedError


class Sphere(Shape):
    def __init__(self, center, radius, material):
        super().__init__(material)
        self.center = center
        self.radius = radius

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return None
        root = math.sqrt(disc)
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        if t > EPSILON:
            return t
        return None

    def normal_at(self, point):
        return (point - self.center).unit()


class Plane(Shape):
    def __init__(self, point, normal, material):
        super().__init__(material)
        self.point = point
        self.normal = normal.unit()

    def intersect(self, ray):
        denom = ray.direction.dot(self.normal)
        if abs(denom) < EPSILON:
            return None
        t = (self.point - ray.origin).dot(self.normal) / denom
        return t if t > EPSILON else None

    def normal_at(self, point):
        return self.normal


class Light:
    def __init__(self, position, color):
        self.position = position
        self.color = color


class Camera:
    def __init__(self, eye, look_at, up, fov_degrees, width, height):
        self.eye = eye
        self.width = width
        self.height = height
        forward = (look_at - eye).unit()
        self.right = forward.cross(up).unit()
        self.up = self.right.cross(forward)
        self.forward = forward
        self.half = math.tan(math.radians(fov_degrees) / 2.0)
        self.aspect = height / width

    def ray_through(self, px, py):
        sx = (2.0 * (px + 0.5) / self.width - 1.0) * self.half
        sy = (1.0 - 2.0 * (py + 0.5) / self.height) * self.half * self.aspect
        d = self.forward + self.right * sx + self.up * sy
        return Ray(self.eye, d)


def powi(base, exponent):
    result = 1.0
    for _ in range(exponent):
        result *= base
    return result


class Scene:
    def __init__(self, camera, shapes, lights, ambient=0.08, max_depth=3):
        self.camera = camera
        self.shapes = shapes
        self.lights = lights
        self.ambient = ambient
        self.max_depth = max_depth
        self.rays_cast = 0

    def nearest(self, ray):
        self.rays_cast += 1
        best_t = math.inf
        best = None
        for shape in self.shapes:
            t = shape.intersect(ray)
            if t is not None and t < best_t:
                best_t = t
                best = shape
        return best, best_t

    def in_shadow(self, point, light):
        to_light = light.position - point
        distance = to_light.length()
        ray = Ray(point, to_light)
        for shape in self.shapes:
            t = shape.intersect(ray)
            if t is not None and t < distance:
                return True
        return False

    def trace(self, ray, depth=0):
        shape, t = self.nearest(ray)
        if shape is None:
            # Simple sky gradient.
            k = 0.5 * (ray.direction.y + 1.0)
            return Color(0.6 + 0.2 * k, 0.7 + 0.2 * k, 1.0)
        point = ray.at(t)
        normal = shape.normal_at(point)
        if normal.dot(ray.direction) > 0.0:
            normal = -normal
        mat = shape.material
        base = mat.color_at(point)
        color = base * self.ambient
        for light in self.lights:
            if self.in_shadow(point, light):
                continue
            to_light = (light.position - point).unit()
            lambert = normal.dot(to_light)
            if lambert > 0.0:
                color = color + base * light.color * (lambert * mat.diffuse)
            half = (to_light - ray.direction).unit()
            spec = normal.dot(half)
            if spec > 0.0:
                color = color + light.color * (mat.specular * powi(spec, mat.shininess))
        if mat.mirror > 0.0 and depth < self.max_depth:
            bounced = Ray(point, ray.direction.reflect(normal))
            color = color * (1.0 - mat.mirror) + self.trace(bounced, depth + 1) * mat.mirror
        return color

    def render(self):
        cam = self.camera
        pixels = []
        for py in range(cam.height):
            for px in range(cam.width):
                pixels.extend(self.trace(cam.ray_through(px, py)).to_bytes())
        return pixels


def build_scene(width, height):
    camera = Camera(Vec(0.0, 1.8, -6.0), Vec(0.0, 0.8, 0.0), Vec(0.0, 1.0, 0.0),
                    50.0, width, height)
    shapes = [
        Plane(Vec(0.0, 0.0, 0.0), Vec(0.0, 1.0, 0.0),
              Checker(Color(0.9, 0.9, 0.9), Color(0.15, 0.15, 0.2), 1.0,
                      specular=0.1, mirror=0.25)),
        Sphere(Vec(0.0, 1.0, 0.5), 1.0, Material(Color(0.8, 0.2, 0.2), mirror=0.3)),
        Sphere(Vec(-2.0, 0.6, 1.5), 0.6, Material(Color(0.2, 0.7, 0.3), shininess=32)),
        Sphere(Vec(1.8, 0.5, -0.5), 0.5, Material(Color(0.2, 0.3, 0.9), mirror=0.6)),
        Sphere(Vec(0.9, 2.2, 2.5), 0.7, Material(Color(0.9, 0.8, 0.3), specular=0.6)),
    ]
    lights = [
        Light(Vec(-4.0, 6.0, -4.0), Color(0.8, 0.8, 0.8)),
        Light(Vec(5.0, 4.0, -2.0), Color(0.4, 0.35, 0.3)),
    ]
    return Scene(camera, shapes, lights)


WIDTH = 200
HEIGHT = 150


def main():
    scene = build_scene(WIDTH, HEIGHT)
    pixels = scene.render()
    checksum = 0
    for i, v in enumerate(pixels):
        checksum = (checksum * 31 + v * (i % 7 + 1)) & 0xFFFFFFFF
    total = sum(pixels)
    center = (HEIGHT // 2 * WIDTH + WIDTH // 2) * 3
    print(f"raytrace: {WIDTH}x{HEIGHT} image, {scene.rays_cast} rays")
    print(f"pixel sum: {total} checksum: {checksum:08x}")
    print("top-left: %d %d %d  centre: %d %d %d" % (tuple(pixels[0:3]) + tuple(pixels[center:center + 3])))


if __name__ == "__main__":
    main()
